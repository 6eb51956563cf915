export { main } from './main.ts';
export { progress, progressLine } from './output.ts';
