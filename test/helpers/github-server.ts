import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * A local GitHub REST API for the Action's tests, honest about GitHub: every request is checked
 * against GitHub's own OpenAPI description (npm @octokit/openapi, api.github.com): the operation
 * must exist, path and query parameters must be declared and of their type, and a JSON body must
 * match the operation's schema. What does not is answered 422 (or 404) and recorded in
 * `violations`, which every test expects empty. It keeps state (issue comments, pull request
 * reviews, team memberships), pages lists with `Link` headers as GitHub does, and checks the token.
 */

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: object;
}

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  parameters: Parameter[];
  body?: ValidateFunction;
}

interface Description {
  paths: Record<
    string,
    Record<string, { parameters?: Array<Parameter | { $ref: string }>; requestBody?: { content?: Record<string, { schema?: object }> } }>
  >;
  components: { parameters: Record<string, Parameter>; schemas: Record<string, object> };
}

let description: Description | undefined;
let ajv: Ajv | undefined;

function load(): { description: Description; ajv: Ajv } {
  if (!description || !ajv) {
    const file = new URL('../../node_modules/@octokit/openapi/generated/api.github.com.json', import.meta.url);
    description = JSON.parse(readFileSync(file, 'utf8')) as Description;
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'https://github.test/openapi', components: description.components });
  }
  return { description, ajv };
}

/** A schema from the description with its local references pointing into the registered document. */
function anchored(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"https://github.test/openapi#/')) as object;
}

const operations = new Map<string, Operation | undefined>();

/** The head commit of every pull request this server knows (what its reviews are of, unless a test says otherwise). */
export const HEAD_SHA = 'f00dfeed1234567890abcdef1234567890abcdef';

function operationFor(method: string, path: string): Operation | undefined {
  const { description: doc, ajv: validator } = load();
  for (const [template, item] of Object.entries(doc.paths)) {
    const spec = item[method.toLowerCase()];
    if (!spec) continue;
    const names: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name);
        return name === 'ref' ? '(.+)' : '([^/]+)';
      })}$`,
    );
    if (!pattern.test(path)) continue;
    const key = `${method} ${template}`;
    if (!operations.has(key)) {
      const parameters = (spec.parameters ?? []).map((parameter) =>
        '$ref' in parameter ? doc.components.parameters[parameter.$ref.split('/').pop()!]! : parameter,
      );
      const schema = spec.requestBody?.content?.['application/json']?.schema;
      operations.set(key, {
        method,
        template,
        pattern,
        names,
        parameters,
        ...(schema ? { body: validator.compile(anchored(schema)) } : {}),
      });
    }
    return operations.get(key);
  }
  return undefined;
}

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string; id: number; type: string };
  created_at: string;
  updated_at: string;
}

export interface StoredCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}

export class GitHubServer {
  readonly violations: string[] = [];
  readonly requests: string[] = [];
  readonly comments = new Map<number, StoredComment[]>();
  /** Git data: refs (`heads/main` → sha), commits, trees (path → blob sha) and blobs (content). */
  readonly refs = new Map<string, string>();
  readonly commits = new Map<string, StoredCommit>();
  readonly trees = new Map<string, Map<string, string>>();
  readonly blobs = new Map<string, string>();
  /** Pull requests by the commit they were merged as, and the ones the Action opened. */
  readonly mergedPulls = new Map<string, number>();
  readonly openedPulls: Array<{ number: number; head: string; base: string; title: string; body: string; state: 'open' | 'closed' }> = [];
  /** How many of the next requests get a secondary rate limit answer (403, `retry-after: 1`). */
  limitedRequests = 0;
  /** Reviews per pull request, in the order submitted. */
  /** Reviews per pull request; `commit` is the commit reviewed (default: the pull request's head, HEAD_SHA). */
  readonly reviews = new Map<
    number,
    Array<{ login: string; state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED'; commit?: string }>
  >();
  /** The files each pull request changes (paths in the repository). */
  readonly pullFiles = new Map<number, string[]>();
  /** Active members per team, `org/team-slug` → logins. */
  readonly teams = new Map<string, Set<string>>();
  /** Branches that refuse a ref update, as branch protection does. */
  readonly protectedBranches = new Set<string>();
  #nextId = 1000;
  #server: Server;
  url = '';

  private constructor(
    readonly token: string,
    readonly repository: string,
  ) {
    this.#server = createServer((request, response) => {
      void this.#handle(request, response);
    });
  }

  static async start(options: { token: string; repository: string }): Promise<GitHubServer> {
    const server = new GitHubServer(options.token, options.repository);
    await new Promise<void>((resolve) => server.#server.listen(0, '127.0.0.1', resolve));
    server.url = `http://127.0.0.1:${(server.#server.address() as AddressInfo).port}`;
    return server;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  /** Comments written by someone else, as a busy pull request has them. */
  seedComments(issue: number, count: number): void {
    for (let index = 0; index < count; index += 1) this.#add(issue, `Comment ${index + 1} from a reviewer`, 'reviewer');
  }

  /** A repository whose `branch` points at a commit of `files`, merged from pull request `pull`. */
  seedRepository(branch: string, files: Record<string, string>, pull: number): string {
    const tree = new Map(Object.entries(files).map(([path, content]) => [path, this.#blob(content)]));
    const treeSha = this.#sha(`tree ${[...tree].join()}`);
    this.trees.set(treeSha, tree);
    const sha = this.#sha(`commit ${treeSha}`);
    this.commits.set(sha, { sha, tree: treeSha, parents: [], message: `Merge pull request #${pull}` });
    this.refs.set(`heads/${branch}`, sha);
    this.mergedPulls.set(sha, pull);
    return sha;
  }

  /** The content of a file on a branch. */
  fileOn(branch: string, path: string): string | undefined {
    const commit = this.commits.get(this.refs.get(`heads/${branch}`) ?? '');
    const blob = commit ? this.trees.get(commit.tree)?.get(path) : undefined;
    return blob === undefined ? undefined : this.blobs.get(blob);
  }

  #counter = 0;
  #sha(seed: string): string {
    this.#counter += 1;
    let hash = 0;
    for (const char of `${seed}#${this.#counter}`) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    return `${hash.toString(16).padStart(8, '0')}${this.#counter.toString(16).padStart(32, '0')}`;
  }

  #pullJson(pull: { number: number; head: string; base: string; title: string; body: string; state: string }) {
    return {
      number: pull.number,
      state: pull.state,
      title: pull.title,
      body: pull.body,
      head: { ref: pull.head },
      base: { ref: pull.base },
      merged_at: null,
    };
  }

  #blob(content: string): string {
    const sha = this.#sha(`blob ${content}`);
    this.blobs.set(sha, content);
    return sha;
  }

  #add(issue: number, body: string, login: string): StoredComment {
    const now = new Date().toISOString();
    const comment = { id: this.#nextId++, body, user: { login, id: 1, type: 'User' }, created_at: now, updated_at: now };
    this.comments.set(issue, [...(this.comments.get(issue) ?? []), comment]);
    return comment;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    this.requests.push(`${method} ${url.pathname}${url.search}`);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      response.end(body === undefined ? '' : JSON.stringify(body));
    };

    if (this.limitedRequests > 0) {
      this.limitedRequests -= 1;
      return send(
        403,
        {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        },
        { 'retry-after': '1' },
      );
    }
    const operation = operationFor(method, url.pathname);
    if (!operation) {
      this.violations.push(`${method} ${url.pathname}: no such operation in GitHub's REST API description`);
      return send(404, { message: 'Not Found' });
    }
    const problems = this.#check(operation, url, text);
    if (problems.length > 0) {
      this.violations.push(...problems.map((problem) => `${method} ${operation.template}: ${problem}`));
      return send(422, { message: 'Validation Failed', errors: problems });
    }
    const auth = request.headers.authorization ?? '';
    if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`) return send(401, { message: 'Bad credentials' });
    const values = Object.fromEntries(
      operation.names.map((name, index) => [name, decodeURIComponent(operation.pattern.exec(url.pathname)![index + 1]!)]),
    );
    if ('org' in values ? values['org'] !== this.repository.split('/')[0] : `${values['owner']}/${values['repo']}` !== this.repository)
      return send(404, { message: 'Not Found' });
    const body = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);

    switch (`${method} ${operation.template}`) {
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const all = this.comments.get(Number(values['issue_number'])) ?? [];
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
        const page = Number(url.searchParams.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const link = (n: number) => {
          const next = new URL(url);
          next.searchParams.set('page', String(n));
          return next.toString();
        };
        const links = [
          ...(page < last ? [`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`] : []),
          ...(page > 1 ? [`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`] : []),
        ];
        return send(200, all.slice((page - 1) * perPage, page * perPage), links.length > 0 ? { link: links.join(', ') } : {});
      }
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments':
        return send(201, this.#add(Number(values['issue_number']), String(body!['body']), 'github-actions[bot]'));
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const id = Number(values['comment_id']);
        for (const list of this.comments.values()) {
          const comment = list.find((candidate) => candidate.id === id);
          if (comment) {
            comment.body = String(body!['body']);
            comment.updated_at = new Date().toISOString();
            return send(200, comment);
          }
        }
        return send(404, { message: 'Not Found' });
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews': {
        const pull = Number(values['pull_number']);
        return send(
          200,
          (this.reviews.get(pull) ?? []).map((review, index) => ({
            id: 80 + index,
            node_id: `PRR_${index}`,
            user: { login: review.login, id: 500 + index, type: 'User' },
            body: '',
            state: review.state,
            html_url: `https://github.test/${this.repository}/pull/${pull}#pullrequestreview-${80 + index}`,
            pull_request_url: `${this.url}/repos/${this.repository}/pulls/${pull}`,
            author_association: 'MEMBER',
            submitted_at: new Date().toISOString(),
            commit_id: review.commit ?? HEAD_SHA,
            _links: { html: { href: '' }, pull_request: { href: '' } },
          })),
        );
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files':
        return send(
          200,
          (this.pullFiles.get(Number(values['pull_number'])) ?? []).map((filename, index) => ({
            sha: this.#sha(`file ${filename}`),
            filename,
            status: 'modified',
            additions: 1,
            deletions: 1,
            changes: 2,
            blob_url: `https://github.test/${this.repository}/blob/${index}/${filename}`,
            raw_url: `https://github.test/${this.repository}/raw/${index}/${filename}`,
            contents_url: `${this.url}/repos/${this.repository}/contents/${filename}`,
          })),
        );
      case 'GET /orgs/{org}/teams/{team_slug}/memberships/{username}': {
        const member = this.teams.get(`${values['org']}/${values['team_slug']}`)?.has(values['username']!) === true;
        return member
          ? send(200, { url: `${this.url}${url.pathname}`, role: 'member', state: 'active' })
          : send(404, {
              message: 'Not Found',
              documentation_url: 'https://docs.github.com/rest/teams/members#get-team-membership-for-a-user',
            });
      }
      case 'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': {
        const pull = this.mergedPulls.get(values['commit_sha']!);
        return send(
          200,
          pull === undefined
            ? []
            : [{ number: pull, state: 'closed', merged_at: new Date().toISOString(), head: { sha: HEAD_SHA, ref: `pull-${pull}` } }],
        );
      }
      case 'GET /repos/{owner}/{repo}/git/ref/{ref}': {
        const sha = this.refs.get(values['ref']!);
        return sha === undefined
          ? send(404, { message: 'Not Found' })
          : send(200, { ref: `refs/${values['ref']}`, object: { sha, type: 'commit' } });
      }
      case 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': {
        const commit = this.commits.get(values['commit_sha']!);
        return commit
          ? send(200, {
              sha: commit.sha,
              tree: { sha: commit.tree },
              parents: commit.parents.map((sha) => ({ sha })),
              message: commit.message,
            })
          : send(404, { message: 'Not Found' });
      }
      case 'POST /repos/{owner}/{repo}/git/blobs':
        return send(201, { sha: this.#blob(String(body!['content'])) });
      case 'POST /repos/{owner}/{repo}/git/trees': {
        const base = this.trees.get(String(body!['base_tree'] ?? '')) ?? new Map<string, string>();
        const tree = new Map(base);
        for (const entry of body!['tree'] as Array<{ path: string; sha: string | null }>) {
          if (entry.sha === null) tree.delete(entry.path);
          else tree.set(entry.path, entry.sha);
        }
        const sha = this.#sha('tree');
        this.trees.set(sha, tree);
        return send(201, { sha, tree: [...tree].map(([path, blob]) => ({ path, sha: blob, type: 'blob', mode: '100644' })) });
      }
      case 'POST /repos/{owner}/{repo}/git/commits': {
        const sha = this.#sha('commit');
        this.commits.set(sha, {
          sha,
          tree: String(body!['tree']),
          parents: body!['parents'] as string[],
          message: String(body!['message']),
        });
        return send(201, { sha });
      }
      case 'PATCH /repos/{owner}/{repo}/git/refs/{ref}': {
        const ref = values['ref']!;
        if (this.protectedBranches.has(ref.replace(/^heads\//, '')))
          return send(422, { message: 'Protected branch update failed for refs/' + ref });
        const next = this.commits.get(String(body!['sha']));
        if (!next || (body!['force'] !== true && !next.parents.includes(this.refs.get(ref) ?? '')))
          return send(422, { message: 'Update is not a fast forward' });
        this.refs.set(ref, next.sha);
        return send(200, { ref: `refs/${ref}`, object: { sha: next.sha, type: 'commit' } });
      }
      case 'POST /repos/{owner}/{repo}/git/refs': {
        const ref = String(body!['ref']).replace(/^refs\//, '');
        if (this.refs.has(ref)) return send(422, { message: 'Reference already exists' });
        this.refs.set(ref, String(body!['sha']));
        return send(201, { ref: `refs/${ref}`, object: { sha: String(body!['sha']), type: 'commit' } });
      }
      case 'POST /repos/{owner}/{repo}/pulls': {
        const head = String(body!['head']);
        if (!this.refs.has(`heads/${head}`)) return send(422, { message: `No commits between ${String(body!['base'])} and ${head}` });
        const pull = {
          number: 100 + this.openedPulls.length,
          head,
          base: String(body!['base']),
          title: String(body!['title']),
          body: String(body!['body'] ?? ''),
          state: 'open' as const,
        };
        this.openedPulls.push(pull);
        return send(201, this.#pullJson(pull));
      }
      case 'GET /repos/{owner}/{repo}/pulls': {
        const head = url.searchParams.get('head');
        const base = url.searchParams.get('base');
        const state = url.searchParams.get('state') ?? 'open';
        const owner = this.repository.split('/')[0];
        const listed = this.openedPulls.filter(
          (pull) =>
            (head === null || head === `${owner}:${pull.head}`) &&
            (base === null || base === pull.base) &&
            (state === 'all' || state === pull.state),
        );
        return send(
          200,
          listed.map((pull) => this.#pullJson(pull)),
        );
      }
      case 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': {
        const pull = this.openedPulls.find((candidate) => candidate.number === Number(values['pull_number']));
        if (!pull) return send(404, { message: 'Not Found' });
        if (body!['title'] !== undefined) pull.title = String(body!['title']);
        if (body!['body'] !== undefined) pull.body = String(body!['body']);
        return send(200, this.#pullJson(pull));
      }
      default:
        this.violations.push(`${method} ${operation.template}: a real operation this fake does not serve`);
        return send(501, { message: `${operation.template} is not served by the test server` });
    }
  }

  /** Path and query parameters declared and of their type; the JSON body valid for the operation. */
  #check(operation: Operation, url: URL, text: string): string[] {
    const problems: string[] = [];
    const { ajv: validator } = load();
    const match = operation.pattern.exec(url.pathname)!;
    const typed = (schema: object | undefined, raw: string) => {
      const type = (schema as { type?: string } | undefined)?.type;
      return type === 'integer' || type === 'number'
        ? /^-?\d+(\.\d+)?$/.test(raw)
          ? Number(raw)
          : raw
        : type === 'boolean'
          ? raw === 'true'
          : raw;
    };
    for (const [index, name] of operation.names.entries()) {
      const parameter = operation.parameters.find((candidate) => candidate.in === 'path' && candidate.name === name);
      const value = typed(parameter?.schema, decodeURIComponent(match[index + 1]!));
      if (parameter?.schema && !validator.validate(anchored(parameter.schema), value))
        problems.push(`path parameter ${name}=${String(value)} is invalid`);
    }
    for (const [name, raw] of url.searchParams) {
      const parameter = operation.parameters.find((candidate) => candidate.in === 'query' && candidate.name === name);
      if (!parameter) {
        problems.push(`query parameter ${name} is not declared`);
        continue;
      }
      if (parameter.schema && !validator.validate(anchored(parameter.schema), typed(parameter.schema, raw)))
        problems.push(`query parameter ${name}=${raw} is invalid`);
    }
    for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'query' && candidate.required)) {
      if (!url.searchParams.has(parameter.name)) problems.push(`query parameter ${parameter.name} is required`);
    }
    if (operation.body) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return [...problems, 'the body is not JSON'];
      }
      if (!operation.body(body)) problems.push(`body: ${validator.errorsText(operation.body.errors)}`);
    } else if (text !== '') {
      problems.push('a body was sent to an operation that takes none');
    }
    return problems;
  }
}
