/**
 * The call to the town's model server: one OpenAI-compatible chat completion with Node's fetch,
 * bounded by the configured timeout. Failures become a Chinese 503 that names what went wrong
 * but never the address or the key (they are operator configuration, kept out of answers and logs).
 */
import { ServiceUnavailable } from '../../core/errors.ts';
import type { RephraseConfig } from '../../http/env.ts';

const SYSTEM =
  '你是乡镇机关的文字秘书，负责润色述职报告。你只调整措辞和语序，从不增删或改动任何事实和数字。';
const UNCHANGED = '报告未作改动';

interface ChatAnswer {
  choices?: Array<{ message?: { content?: unknown } }>;
}

const timedOut = (error: unknown) =>
  ['TimeoutError', 'AbortError'].includes((error as { name?: string }).name ?? '');
/**
 * A connection the server closed while it sat in the keep-alive pool fails before any answer: the
 * request never reached the model, so sending it once more on a fresh connection is safe.
 */
const staleConnection = (error: unknown) => {
  const code = (error as { cause?: { code?: string } }).cause?.code ?? '';
  return ['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'].includes(code);
};
const late = (seconds: number) =>
  new ServiceUnavailable(`润色服务在 ${seconds} 秒内没有答复，请稍后再试，${UNCHANGED}`);

export async function askModel(config: RephraseConfig, prompt: string): Promise<string> {
  const seconds = Math.round(config.timeoutMs / 1000);
  const signal = AbortSignal.timeout(config.timeoutMs);
  const send = () =>
    fetch(config.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: config.model,
        temperature: 0.3,
        stream: false,
        messages: [
          { role: 'system', content: SYSTEM },
          { role: 'user', content: prompt },
        ],
      }),
      signal,
    });
  let res: Response;
  try {
    res = await send().catch((error: unknown) => {
      if (staleConnection(error) && !signal.aborted) return send();
      throw error;
    });
  } catch (error) {
    if (timedOut(error)) throw late(seconds);
    throw new ServiceUnavailable(`无法连接润色服务，请联系系统管理员，${UNCHANGED}`);
  }
  let body: ChatAnswer;
  try {
    body = (await res.json()) as ChatAnswer;
  } catch (error) {
    if (timedOut(error)) throw late(seconds);
    throw new ServiceUnavailable(
      res.ok
        ? `润色服务的答复无法识别，${UNCHANGED}`
        : `润色服务出错（HTTP ${res.status}），${UNCHANGED}`,
    );
  }
  if (!res.ok) throw new ServiceUnavailable(`润色服务出错（HTTP ${res.status}），${UNCHANGED}`);
  const content = body.choices?.[0]?.message?.content;
  if (typeof content !== 'string')
    throw new ServiceUnavailable(`润色服务的答复无法识别，${UNCHANGED}`);
  return content;
}
