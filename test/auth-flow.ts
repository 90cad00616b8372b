import { NextRequest } from "next/server";

/**
 * A browser's side of Auth.js, driven through the app's real `/api/auth/*` handlers: a cookie
 * jar, the CSRF double-submit, password sign-in, magic links and sign-out. Import it only after
 * the test has pointed lib/env at its SMTP server (lib/env reads the environment once).
 */
export const sessionCookieName = "authjs.session-token";
const origin = "http://localhost:3000";

type Handler = (request: NextRequest) => Promise<Response>;

async function handlers(): Promise<{ GET: Handler; POST: Handler }> {
  return (await import("@/lib/auth/auth")).handlers as unknown as { GET: Handler; POST: Handler };
}

export class Browser {
  readonly cookies = new Map<string, string>();

  /** `name=value` of the session cookie, as an attacker would copy it; null when signed out. */
  get sessionCookie(): string | null {
    const value = this.cookies.get(sessionCookieName);
    return value ? `${sessionCookieName}=${value}` : null;
  }

  private header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const split = pair.indexOf("=");
      const name = pair.slice(0, split).trim();
      const value = pair.slice(split + 1).trim();
      const expired = attributes.some(
        (attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /expires=thu, 01 jan 1970/i.test(attribute),
      );
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async get(path: string): Promise<Response> {
    const { GET } = await handlers();
    return this.keep(await GET(new NextRequest(new URL(path, origin), { headers: { cookie: this.header() } })));
  }

  private async post(path: string, fields: Record<string, string>): Promise<Response> {
    const { POST } = await handlers();
    const csrf = (await (await this.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const body = new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken, callbackUrl: "/" });
    const headers = { cookie: this.header(), "content-type": "application/x-www-form-urlencoded" };
    return this.keep(await POST(new NextRequest(new URL(path, origin), { method: "POST", headers, body })));
  }

  /** Where Auth.js sent the browser: `/?…` on success, `/sign-in?error=…&code=…` on refusal. */
  async signInWithPassword(email: string, password: string): Promise<URL> {
    const response = await this.post("/api/auth/callback/credentials", { email, password });
    return new URL(response.headers.get("location") ?? "/", origin);
  }

  async requestMagicLink(email: string): Promise<void> {
    const response = await this.post("/api/auth/signin/email", { email });
    if (response.status !== 302 || response.headers.get("location")?.includes("error=")) {
      throw new Error(`Magic link refused: ${response.status} ${response.headers.get("location")}`);
    }
  }

  async follow(link: string): Promise<URL> {
    const response = await this.get(new URL(link).pathname + new URL(link).search);
    return new URL(response.headers.get("location") ?? "/", origin);
  }

  async signOut(): Promise<void> {
    await this.post("/api/auth/signout", {});
  }

  /** The session as `auth()` sees it (server components, /api/auth/session). */
  async session(): Promise<{ user?: { id?: string; email?: string } } | null> {
    return (await (await this.get("/api/auth/session")).json()) as { user?: { id?: string } } | null;
  }
}
