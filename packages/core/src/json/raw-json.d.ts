// JSON.rawJSON ships in Node 22+ (V8) but not yet in TypeScript 5.9's lib files.
interface RawJSONValue {
  readonly rawJSON: string;
}

interface JSON {
  rawJSON(text: string): RawJSONValue;
  isRawJSON(value: unknown): value is RawJSONValue;
}
