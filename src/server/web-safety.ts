/**
 * Browser-facing defences on every response and every state-changing request (DESIGN 3 "Web
 * safety"): security headers (CSP without any `unsafe-*` for scripts, frame-ancestors, nosniff,
 * Referrer-Policy) through hono's secureHeaders, and a same-origin check for cookie-authenticated
 * writes. SameSite=Strict keeps other *sites* out, but a page on another port of the same host is
 * the same site: it could make a signed-in admin import rows, upload files or log out with plain
 * no-cors form posts. Such a request names its origin (Origin; Sec-Fetch-Site over HTTPS and on
 * localhost — browsers send no Sec-Fetch-* to plain-http intranet addresses), so it is refused.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { Forbidden } from '../core/errors.ts';
import type { AppEnv } from '../http/env.ts';

/**
 * The policy the whole UI runs under. Styles may be inline: antd and ECharts write style
 * attributes and <style> elements at run time; scripts may not (no inline script, no eval).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    xContentTypeOptions: true,
    // `same-origin`, not `no-referrer`: under no-referrer a browser sends `Origin: null` even on
    // same-origin POSTs, which the origin check below would then have to trust or refuse.
    referrerPolicy: 'same-origin',
    // Open311 publishes photos as media_url for other sites' clients to show.
    crossOriginResourcePolicy: false,
    crossOriginEmbedderPolicy: false,
    // HSTS belongs to whoever terminates TLS (the reverse proxy); on a plain-http intranet it is noise.
    strictTransportSecurity: false,
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin the browser sees for this app: the request URL, or the proxy's forwarded host. */
function ownOrigin(url: URL, header: (name: string) => string | undefined): string {
  const hops = Number(process.env.LVZHI_TRUST_PROXY ?? '0');
  if (hops > 0) {
    const host = header('x-forwarded-host')?.split(',')[0]?.trim();
    const proto = header('x-forwarded-proto')?.split(',')[0]?.trim();
    if (host) return `${proto || url.protocol.replace(':', '')}://${host}`;
  }
  return url.origin;
}

/**
 * Refuses a state-changing API request that carries our cookies but comes from a page that is not
 * ours. Requests without cookies (residents' public forms, Open311 clients with an api_key) carry
 * no ambient authority and are not checked; neither are requests with neither header (not a
 * browser, or one too old to send Origin — such a client cannot be driven by another page either).
 * The login route is checked even without a session: logging a victim into an attacker's account
 * is an attack too.
 */
export function sameOriginWrites(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()));
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const cookieBearing =
      getCookie(c, 'lvzhi_session') !== undefined || c.req.path === '/api/v1/auth/login';
    if (!cookieBearing) return next();
    const fetchSite = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    if (fetchSite === 'same-origin') return next();
    if (origin === undefined && fetchSite === undefined) return next();
    if (origin !== undefined && origin !== 'null') {
      const own = ownOrigin(new URL(c.req.url), (name) => c.req.header(name));
      if (origin.toLowerCase() === own.toLowerCase() || allowed.has(origin.toLowerCase()))
        return next();
    }
    throw new Forbidden(
      `已拒绝来自其他网页（${origin ?? fetchSite ?? '未知来源'}）的修改请求：修改数据只能在本系统的页面中进行。` +
        '如系统经反向代理以其他地址访问，请管理员把该地址加入 LVZHI_ORIGINS。',
    );
  };
}
