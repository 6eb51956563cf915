export { type ParsedJson, parseJson, type RawJson, rawNumber, stringifyJson } from './lossless-json.ts';
