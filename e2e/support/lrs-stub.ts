import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A small Learning Record Store on localhost: enough of the xAPI 1.0.3 statements resource for the
 * outbox's tests (POST /xapi/statements with one statement or an array, PUT with ?statementId=,
 * GET /xapi/about). It checks the version header and Basic auth, validates every statement's
 * structure (a bad one fails the whole request with 400, as an LRS must), and records what arrived.
 * `down()` makes it answer 503 (or drop connections) until `up()`, for the outage tests.
 */

export type JsonObject = Record<string, unknown>;

export interface LrsStub {
  url: string;
  /** Every statement stored, by id, in arrival order. */
  stored: Map<string, JsonObject>;
  /** How many times each statement id arrived in an accepted request (1 = exactly once). */
  arrivals: Map<string, number>;
  /** Requests refused, with why. */
  refused: Array<{ status: number; reason: string }>;
  down(mode?: "unavailable" | "close"): void;
  up(): void;
  stop(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const STATEMENT_KEYS = new Set([
  "id",
  "actor",
  "verb",
  "object",
  "result",
  "context",
  "timestamp",
  "stored",
  "authority",
  "version",
  "attachments",
]);
const INTERACTION_TYPES = new Set([
  "true-false",
  "choice",
  "fill-in",
  "long-fill-in",
  "matching",
  "performance",
  "sequencing",
  "likert",
  "numeric",
  "other",
]);

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function isIri(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

const isLanguageMap = (value: unknown) =>
  isObject(value) &&
  Object.keys(value).length > 0 &&
  Object.values(value).every((v) => typeof v === "string");

function agentProblem(actor: unknown): string | null {
  if (!isObject(actor)) return "actor must be an object";
  if (actor.objectType !== undefined && actor.objectType !== "Agent")
    return "actor.objectType must be Agent";
  const ifis = ["mbox", "mbox_sha1sum", "openid", "account"].filter((k) => actor[k] !== undefined);
  if (ifis.length !== 1)
    return "actor must have exactly one of mbox, mbox_sha1sum, openid, account";
  if (actor.mbox !== undefined && !/^mailto:.+@.+/.test(String(actor.mbox)))
    return "actor.mbox must be a mailto: IRI";
  if (actor.account !== undefined) {
    const account = actor.account;
    if (!isObject(account) || !isIri(account.homePage) || typeof account.name !== "string")
      return "actor.account needs homePage (IRL) and name";
    if (account.name === "") return "actor.account.name must not be empty";
  }
  return null;
}

function resultProblem(result: unknown): string | null {
  if (!isObject(result)) return "result must be an object";
  for (const key of ["success", "completion"])
    if (result[key] !== undefined && typeof result[key] !== "boolean")
      return `result.${key} must be a boolean`;
  if (result.response !== undefined && typeof result.response !== "string")
    return "result.response must be a string";
  if (result.score !== undefined) {
    const score = result.score;
    if (!isObject(score)) return "result.score must be an object";
    for (const key of ["scaled", "raw", "min", "max"])
      if (score[key] !== undefined && typeof score[key] !== "number")
        return `result.score.${key} must be a number`;
    const { scaled, raw, min, max } = score as Record<string, number | undefined>;
    if (scaled !== undefined && (scaled < -1 || scaled > 1))
      return "result.score.scaled must be between -1 and 1";
    if (min !== undefined && max !== undefined && min > max)
      return "result.score.min must not exceed max";
    if (raw !== undefined && ((min !== undefined && raw < min) || (max !== undefined && raw > max)))
      return "result.score.raw must lie between min and max";
  }
  return null;
}

/** Why a statement is not valid xAPI 1.0.3 (the parts this app sends), or null when it is. */
export function statementProblem(statement: unknown): string | null {
  if (!isObject(statement)) return "a statement must be an object";
  const unknown = Object.keys(statement).filter((k) => !STATEMENT_KEYS.has(k));
  if (unknown.length > 0) return `unknown properties: ${unknown.join(", ")}`;
  if (typeof statement.id !== "string" || !UUID.test(statement.id)) return "id must be a UUID";
  const actor = agentProblem(statement.actor);
  if (actor) return actor;
  const verb = statement.verb;
  if (!isObject(verb) || !isIri(verb.id)) return "verb.id must be an IRI";
  if (!isLanguageMap(verb.display)) return "verb.display must be a language map";
  const object = statement.object;
  if (!isObject(object) || !isIri(object.id)) return "object.id must be an IRI";
  if (object.objectType !== undefined && object.objectType !== "Activity")
    return "object.objectType must be Activity";
  if (object.definition !== undefined) {
    const definition = object.definition;
    if (!isObject(definition)) return "object.definition must be an object";
    if (definition.type !== undefined && !isIri(definition.type))
      return "object.definition.type must be an IRI";
    if (definition.name !== undefined && !isLanguageMap(definition.name))
      return "object.definition.name must be a language map";
    if (
      definition.interactionType !== undefined &&
      !INTERACTION_TYPES.has(String(definition.interactionType))
    )
      return "object.definition.interactionType is not an xAPI interaction type";
    if (
      definition.correctResponsesPattern !== undefined &&
      !(
        Array.isArray(definition.correctResponsesPattern) &&
        definition.correctResponsesPattern.every((p) => typeof p === "string")
      )
    )
      return "object.definition.correctResponsesPattern must be an array of strings";
  }
  if (statement.result !== undefined) {
    const result = resultProblem(statement.result);
    if (result) return result;
  }
  if (statement.context !== undefined && !isObject(statement.context))
    return "context must be an object";
  if (
    typeof statement.timestamp !== "string" ||
    !ISO_TIMESTAMP.test(statement.timestamp) ||
    Number.isNaN(Date.parse(statement.timestamp))
  )
    return "timestamp must be an ISO 8601 date-time";
  return null;
}

export async function startLrsStub(options: {
  port: number;
  username: string;
  password: string;
}): Promise<LrsStub> {
  const stored = new Map<string, JsonObject>();
  const arrivals = new Map<string, number>();
  const refused: LrsStub["refused"] = [];
  let mode: "up" | "unavailable" | "close" = "up";
  const sockets = new Set<Socket>();
  const expectedAuth = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString("base64")}`;

  const answer = (res: http.ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, {
      "content-type": "application/json",
      "x-experience-api-version": "1.0.3",
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const refuse = (res: http.ServerResponse, status: number, reason: string) => {
    refused.push({ status, reason });
    answer(res, status, { error: reason });
  };

  /** Stores a request's statements, all or none; the status to answer otherwise. */
  function store(statements: unknown[]): { status: number; reason: string } | null {
    for (const statement of statements) {
      const problem = statementProblem(statement);
      if (problem) return { status: 400, reason: problem };
    }
    const batch = statements as JsonObject[];
    const ids = batch.map((s) => String(s.id));
    if (new Set(ids).size !== ids.length) return { status: 400, reason: "an id appears twice" };
    for (const statement of batch) {
      const existing = stored.get(String(statement.id));
      // An id already stored with the same content is the same statement sent again: accepted,
      // stored once. With other content it is a conflict.
      if (existing && JSON.stringify(existing) !== JSON.stringify(statement))
        return { status: 409, reason: `statement ${String(statement.id)} conflicts` };
    }
    for (const statement of batch) {
      const id = String(statement.id);
      arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
      if (!stored.has(id)) stored.set(id, statement);
    }
    return null;
  }

  const server = http.createServer((req, res) => {
    if (mode === "close") {
      req.socket.destroy();
      return;
    }
    if (mode === "unavailable") return refuse(res, 503, "the LRS is down");
    const url = new URL(req.url ?? "/", "http://lrs.local");
    if (req.method === "GET" && url.pathname === "/xapi/about")
      return answer(res, 200, { version: ["1.0.3"] });
    if (url.pathname !== "/xapi/statements") return refuse(res, 404, `no resource ${url.pathname}`);
    if (req.headers.authorization !== expectedAuth) return refuse(res, 401, "bad credentials");
    if (!String(req.headers["x-experience-api-version"] ?? "").startsWith("1.0."))
      return refuse(res, 400, "X-Experience-API-Version 1.0.x is required");
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return refuse(res, 400, "the body is not JSON");
      }
      if (req.method === "POST") {
        const statements = Array.isArray(body) ? body : [body];
        if (statements.length === 0) return refuse(res, 400, "no statements");
        const failure = store(statements);
        if (failure) return refuse(res, failure.status, failure.reason);
        return answer(
          res,
          200,
          statements.map((s) => String((s as JsonObject).id)),
        );
      }
      if (req.method === "PUT") {
        const statementId = url.searchParams.get("statementId");
        if (!statementId || !isObject(body))
          return refuse(res, 400, "PUT needs ?statementId= and one statement");
        if (body.id !== undefined && body.id !== statementId)
          return refuse(res, 400, "statementId and the statement's id differ");
        const failure = store([{ ...body, id: statementId }]);
        if (failure) return refuse(res, failure.status, failure.reason);
        return answer(res, 204);
      }
      return refuse(res, 405, `${req.method} is not supported here`);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/xapi/`,
    stored,
    arrivals,
    refused,
    down(how = "unavailable") {
      mode = how;
      // Keep-alive connections would otherwise carry on as if nothing happened.
      if (how === "close") for (const socket of sockets) socket.destroy();
    },
    up() {
      mode = "up";
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
