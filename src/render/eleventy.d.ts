// Types for the part of Eleventy's programmatic API the render stage uses (the package ships none).
declare module '@11ty/eleventy' {
  export interface EleventyOptions {
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    runMode?: 'build' | 'watch' | 'serve';
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<unknown>;
    write(): Promise<unknown>;
    disableLogger(): void;
  }
}
