// The two modules of monaco-editor that its JSON worker is made of; the package ships no types
// for them.
declare module 'monaco-editor/internal/common/initialize.js' {
  export function initialize(create: (ctx: unknown, createData: unknown) => object): void;
}

declare module 'monaco-editor/languages/features/json/jsonWorker.js' {
  export class JSONWorker {
    constructor(ctx: unknown, createData: unknown);
  }
}
