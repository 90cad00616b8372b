/**
 * The small part of CEL that Inngest function configs use: trigger `expression`s
 * (`event.data.function_id == 'app-fn'`) and `cancelOn` conditions
 * (`event.data.webhookId == async.data.webhookId`). Supports paths, string/number/boolean/null
 * literals, == != < <= > >=, && || ! and parentheses. Anything else is rejected when parsed.
 */
type Node =
  | { kind: "literal"; value: unknown }
  | { kind: "path"; segments: string[] }
  | { kind: "not"; operand: Node }
  | { kind: "binary"; operator: string; left: Node; right: Node };

type Token =
  { kind: "literal"; value: unknown } | { kind: "identifier"; name: string } | { kind: "symbol"; text: string };

const tokenPattern =
  /\s*(?:('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(==|!=|<=|>=|&&|\|\||[<>!().[\]]))/y;

function unquote(text: string): string {
  return text.slice(1, -1).replace(/\\(.)/g, "$1");
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(tokenPattern.lastIndex))) break;
    const at = tokenPattern.lastIndex;
    const match = tokenPattern.exec(source);
    if (!match) throw new Error(`Expression "${source}": cannot read it from position ${at}.`);
    const [, quoted, number, word, symbol] = match;
    if (quoted !== undefined) tokens.push({ kind: "literal", value: unquote(quoted) });
    else if (number !== undefined) tokens.push({ kind: "literal", value: Number(number) });
    else if (word === "true" || word === "false") tokens.push({ kind: "literal", value: word === "true" });
    else if (word === "null") tokens.push({ kind: "literal", value: null });
    else if (word !== undefined) tokens.push({ kind: "identifier", name: word });
    else tokens.push({ kind: "symbol", text: symbol! });
  }
  return tokens;
}

const precedence: Record<string, number> = { "||": 1, "&&": 2, "==": 3, "!=": 3, "<": 3, "<=": 3, ">": 3, ">=": 3 };

class Parser {
  private position = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parse(): Node {
    const node = this.binary(1);
    if (this.position < this.tokens.length) this.fail("unexpected text after the end");
    return node;
  }

  private fail(reason: string): never {
    throw new Error(`Expression "${this.source}": ${reason}.`);
  }

  private peekSymbol(): string | undefined {
    const token = this.tokens[this.position];
    return token?.kind === "symbol" ? token.text : undefined;
  }

  private expect(symbol: string) {
    if (this.peekSymbol() !== symbol) this.fail(`expected "${symbol}"`);
    this.position++;
  }

  private binary(minimum: number): Node {
    let left = this.unary();
    for (;;) {
      const operator = this.peekSymbol();
      const level = operator === undefined ? undefined : precedence[operator];
      if (operator === undefined || level === undefined || level < minimum) return left;
      this.position++;
      left = { kind: "binary", operator, left, right: this.binary(level + 1) };
    }
  }

  private unary(): Node {
    if (this.peekSymbol() === "!") {
      this.position++;
      return { kind: "not", operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Node {
    const token = this.tokens[this.position++];
    if (!token) return this.fail("it ends too early");
    if (token.kind === "literal") return { kind: "literal", value: token.value };
    if (token.kind === "identifier") return this.path(token.name);
    if (token.text !== "(") return this.fail(`unexpected "${token.text}"`);
    const inner = this.binary(1);
    this.expect(")");
    return inner;
  }

  private path(root: string): Node {
    const segments = [root];
    for (;;) {
      const symbol = this.peekSymbol();
      if (symbol === ".") {
        this.position++;
        const next = this.tokens[this.position++];
        if (next?.kind !== "identifier") this.fail('expected a field name after "."');
        segments.push(next.name);
      } else if (symbol === "[") {
        this.position++;
        const key = this.tokens[this.position++];
        if (key?.kind !== "literal") this.fail("expected a key inside [ ]");
        segments.push(String(key.value));
        this.expect("]");
      } else {
        return { kind: "path", segments };
      }
    }
  }
}

function lookup(variables: Record<string, unknown>, segments: string[]): unknown {
  let value: unknown = variables;
  for (const segment of segments) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function compare(operator: string, left: unknown, right: unknown): boolean {
  // A missing field equals nothing, not even another missing field: `event.data.id == async.data.id`
  // must not cancel every run whose events both lack an id.
  const equal = left !== undefined && right !== undefined && left === right;
  if (operator === "==") return equal;
  if (operator === "!=") return !equal;
  const comparable =
    (typeof left === "number" && typeof right === "number") || (typeof left === "string" && typeof right === "string");
  if (!comparable) return false;
  const [a, b] = [left as number | string, right as number | string];
  if (operator === "<") return a < b;
  if (operator === "<=") return a <= b;
  if (operator === ">") return a > b;
  return a >= b;
}

function evaluateNode(node: Node, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "path":
      return lookup(variables, node.segments);
    case "not":
      return !evaluateNode(node.operand, variables);
    case "binary": {
      if (node.operator === "&&")
        return Boolean(evaluateNode(node.left, variables)) && Boolean(evaluateNode(node.right, variables));
      if (node.operator === "||")
        return Boolean(evaluateNode(node.left, variables)) || Boolean(evaluateNode(node.right, variables));
      return compare(node.operator, evaluateNode(node.left, variables), evaluateNode(node.right, variables));
    }
  }
}

const parsed = new Map<string, Node>();

export function parseExpression(source: string): Node {
  let node = parsed.get(source);
  if (!node) {
    node = new Parser(tokenize(source), source).parse();
    parsed.set(source, node);
  }
  return node;
}

/** True when the expression holds for these variables (`event`, and `async` for cancellations). A missing field equals nothing. */
export function matchesExpression(source: string, variables: Record<string, unknown>): boolean {
  return evaluateNode(parseExpression(source), variables) === true;
}

/** The expression's value for these variables, e.g. a concurrency or batch key (`event.data.webhookId`). */
export function expressionValue(source: string, variables: Record<string, unknown>): unknown {
  return evaluateNode(parseExpression(source), variables);
}
