export { main } from './main.ts';
export { progress, progressLine } from './output.ts';
export { platformBanner } from './platform-banner.ts';
