import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, postForm, setUnauthorizedHandler, withQuery } from './client.ts';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

/** Replaces fetch with `answer` and records every request the client sends. */
function serve(answer: (req: Request) => Response | Promise<Response>) {
  const seen: Request[] = [];
  vi.stubGlobal('fetch', async (input: Request | string, init?: RequestInit) => {
    // Pages call same-origin paths; a browser resolves them against the page, we use localhost.
    const req =
      input instanceof Request ? input : new Request(new URL(input, 'http://localhost'), init);
    seen.push(req);
    return answer(req);
  });
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(() => {});
});

describe('typed client', () => {
  it('fills path parameters (encoded) and leaves empty query values out', async () => {
    const seen = serve(() => json(200, { items: [], nextCursor: null }));
    const page = await api.GET('/api/v1/towns/{townId}/people', {
      params: { path: { townId: 'a/b' }, query: { q: '', unitId: undefined, limit: 20 } },
    });
    expect(page).toEqual({ items: [], nextCursor: null });
    const url = new URL(seen[0]!.url);
    expect(url.pathname).toBe('/api/v1/towns/a%2Fb/people');
    expect(url.search).toBe('?limit=20');
    expect(seen[0]!.headers.get('accept')).toBe('application/json');
  });

  it('sends the body as JSON and answers undefined for 204', async () => {
    const seen = serve(() => new Response(null, { status: 204 }));
    const answer = await api.POST('/api/v1/auth/password', {
      body: { currentPassword: 'old-pass', newPassword: 'New-pass-2025' },
    });
    expect(answer).toBeUndefined();
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.headers.get('content-type')).toBe('application/json');
    expect(await seen[0]!.json()).toEqual({
      currentPassword: 'old-pass',
      newPassword: 'New-pass-2025',
    });
  });

  it('throws the server’s problem as ApiError with the Chinese detail and field errors', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Unprocessable',
      status: 422,
      detail: '姓名不能为空',
      errors: [{ path: 'name', label: '姓名', message: '不能为空' }],
    };
    serve(() => json(422, problem, 'application/problem+json'));
    const err = await api
      .POST('/api/v1/towns/{townId}/people', {
        params: { path: { townId: 't' } },
        body: {
          name: '',
          gender: null,
          birthDate: null,
          phone: null,
          partyMember: false,
          unitId: null,
          note: null,
        },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(422);
    expect((err as ApiError).message).toBe('姓名不能为空');
    expect((err as ApiError).problem.errors).toEqual(problem.errors);
  });

  it('says in Chinese which status failed when the body is not a problem', async () => {
    serve(
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const err = (await api.GET('/api/v1/towns').catch((e: unknown) => e)) as ApiError;
    expect(err.problem).toMatchObject({
      status: 502,
      detail: '请求失败（502）',
      title: 'Bad Gateway',
    });
  });

  it('sends the user to login on 401, except where 401 is the answer', async () => {
    const unauthorized = vi.fn();
    setUnauthorizedHandler(unauthorized);
    serve(() => json(401, { type: 'x', title: 'Unauthorized', status: 401, detail: '请先登录' }));
    await expect(api.GET('/api/v1/towns')).rejects.toBeInstanceOf(ApiError);
    expect(unauthorized).toHaveBeenCalledTimes(1);
    await expect(api.GET('/api/v1/auth/me', { skipAuthRedirect: true })).rejects.toThrow(
      '请先登录',
    );
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it('turns a network failure into ApiError status 0, and lets an abort through', async () => {
    serve(() => {
      throw new TypeError('fetch failed');
    });
    const err = (await api.GET('/api/v1/towns').catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.problem).toMatchObject({ status: 0, detail: '无法连接服务器，请检查网络后重试' });

    serve(() => {
      throw new DOMException('aborted', 'AbortError');
    });
    const aborted = (await api.GET('/api/v1/towns').catch((e: unknown) => e)) as Error;
    expect(aborted.name).toBe('AbortError');
  });

  it('sends extra headers (Idempotency-Key on the public intake)', async () => {
    const seen = serve(() => json(201, { trackingCode: 'X' }));
    await api.POST('/api/v1/public/towns/{townCode}/appeals', {
      params: { path: { townCode: 'qs' } },
      body: { categoryCode: 'c', villageId: 'v', title: 't', content: 'c' },
      headers: { 'idempotency-key': 'k-1' },
      skipAuthRedirect: true,
    });
    expect(seen[0]!.headers.get('idempotency-key')).toBe('k-1');
  });
});

describe('postForm and links', () => {
  it('uploads a form and reports a failed upload like any call', async () => {
    serve(() =>
      json(413, {
        type: 'x',
        title: 'Too large',
        status: 413,
        detail: '上传的文件超过 25 MB 上限',
      }),
    );
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.txt');
    await expect(postForm('/api/v1/towns/t/attachments', form)).rejects.toThrow(
      '上传的文件超过 25 MB 上限',
    );
  });

  it('builds links with the filters on screen, skipping empty ones', () => {
    expect(withQuery('/x/export', { kind: 'hotline', q: '', villageId: undefined, limit: 5 })).toBe(
      '/x/export?kind=hotline&limit=5',
    );
    expect(withQuery('/x/export', {})).toBe('/x/export');
  });
});
