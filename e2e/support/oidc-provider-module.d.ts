// oidc-provider ships no types and no @types package is installed: the part e2e/support/oidc-provider.ts uses.
declare module "oidc-provider" {
  import type { Server } from "node:http";

  interface KoaContext {
    path: string;
    querystring: string;
  }

  interface Account {
    accountId: string;
    claims(): Record<string, unknown> & { sub: string };
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
    listen(port: number, host: string): Server;
  }
}
