// npm run auth:secret: writes .secrets/nextauth-secret for a single machine, unless one exists.
import fs from "node:fs";
import path from "node:path";
import { LOCAL_SECRET_FILE, writeLocalSecret } from "@/server/auth/secret";

if (fs.existsSync(path.resolve(LOCAL_SECRET_FILE))) process.exit(0);
writeLocalSecret();
console.log(
  `auth:secret: wrote ${LOCAL_SECRET_FILE} (set NEXTAUTH_SECRET instead to share one secret between instances)`,
);
