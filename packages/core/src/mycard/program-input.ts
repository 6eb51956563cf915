import { fail, ok, type Result } from '../errors/index.ts';
import { isObject } from '../payments/validate.ts';
import { type CodeType, isCodeType } from './code-types.ts';
import { readId, readText, readWebUrl } from './fields.ts';

/** A detail page filled from the built-in template with the merchant's plain text. */
export interface TemplateDetail {
  readonly type: 'TEMPLATE';
  readonly benefits: string;
  readonly terms: string;
  readonly contact: string;
}

/** A detail page the merchant hosts itself. */
export interface ExternalDetail {
  readonly type: 'EXTERNAL';
  readonly url: string;
}

/** A card program's detail page. */
export type ProgramDetail = TemplateDetail | ExternalDetail;

/** What a merchant sets on a card program. */
export interface ProgramFields {
  readonly name: string;
  readonly logoUrl: string | null;
  readonly codeType: CodeType;
  readonly bindingUrl: string;
  readonly detail: ProgramDetail;
  readonly groupId: string | null;
}

/** Limits of the template's plain-text fields. */
export const detailLimits = { benefits: 2000, terms: 4000, contact: 500 } as const;

const emptyTemplate: TemplateDetail = { type: 'TEMPLATE', benefits: '', terms: '', contact: '' };

type Obj = Record<string, unknown>;

function readDetail(value: unknown, allowHttp: boolean): Result<ProgramDetail> {
  if (!isObject(value)) {
    return fail('2101', 'detail must be an object with type TEMPLATE or EXTERNAL');
  }
  if (value.type === 'EXTERNAL') {
    const url = readWebUrl(value, 'url', 'detail.url', true, allowHttp);
    return url.ok ? ok({ type: 'EXTERNAL', url: url.value ?? '' }) : url;
  }
  if (value.type !== 'TEMPLATE') {
    return fail('2101', 'detail.type must be TEMPLATE or EXTERNAL');
  }
  const texts: Record<keyof typeof detailLimits, string> = { benefits: '', terms: '', contact: '' };
  for (const key of ['benefits', 'terms', 'contact'] as const) {
    const text = readText(value, key, `detail.${key}`, detailLimits[key], false);
    if (!text.ok) {
      return text;
    }
    texts[key] = text.value ?? '';
  }
  return ok({ type: 'TEMPLATE', ...texts });
}

/** Reads the fields present in `body`; `partial` leaves missing ones out instead of requiring them. */
function readFields(body: Obj, allowHttp: boolean, partial: boolean): Result<Partial<ProgramFields>> {
  const out: { -readonly [K in keyof ProgramFields]?: ProgramFields[K] } = {};
  const has = (key: string) => body[key] !== undefined;
  if (!partial || has('name')) {
    const name = readText(body, 'name', 'name', 100, true);
    if (!name.ok) {
      return name;
    }
    out.name = (name.value ?? '').trim();
  }
  if (has('logoUrl')) {
    const logo = readWebUrl(body, 'logoUrl', 'logoUrl', false, allowHttp);
    if (!logo.ok) {
      return logo;
    }
    out.logoUrl = logo.value ?? null;
  } else if (!partial) {
    out.logoUrl = null;
  }
  if (!partial || has('codeType')) {
    if (!isCodeType(body.codeType)) {
      return fail('2101', 'codeType must be CODE128, QR or EAN13');
    }
    out.codeType = body.codeType;
  }
  if (!partial || has('bindingUrl')) {
    const url = readWebUrl(body, 'bindingUrl', 'bindingUrl', true, allowHttp);
    if (!url.ok) {
      return url;
    }
    out.bindingUrl = url.value ?? '';
  }
  if (has('detail')) {
    const detail = readDetail(body.detail, allowHttp);
    if (!detail.ok) {
      return detail;
    }
    out.detail = detail.value;
  } else if (!partial) {
    out.detail = emptyTemplate;
  }
  if (has('groupId')) {
    const group = readId(body, 'groupId', 'groupId', false);
    if (!group.ok) {
      return group;
    }
    out.groupId = group.value ?? null;
  } else if (!partial) {
    out.groupId = null;
  }
  return ok(out);
}

/** Validates a program creation body (2101 naming the field on any problem). */
export function readProgramCreate(body: unknown, allowHttp: boolean): Result<ProgramFields> {
  if (!isObject(body)) {
    return fail('2101', 'the body must be a JSON object');
  }
  const fields = readFields(body, allowHttp, false);
  return fields.ok ? ok(fields.value as ProgramFields) : fields;
}

/** Validates a program update body: PATCH semantics, at least one known field; `null` clears logoUrl or groupId. */
export function readProgramUpdate(body: unknown, allowHttp: boolean): Result<Partial<ProgramFields>> {
  if (!isObject(body)) {
    return fail('2101', 'the body must be a JSON object');
  }
  const fields = readFields(body, allowHttp, true);
  if (fields.ok && Object.keys(fields.value).length === 0) {
    return fail('2101', 'give at least one of name, logoUrl, codeType, bindingUrl, detail, groupId');
  }
  return fields;
}
