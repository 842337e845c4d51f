/**
 * Requests Node's HTTP parser refuses before the app sees them. A request line plus headers over
 * Node's 16 KB limit (a URL with a pasted-in document, a runaway query string) is answered by Node
 * itself with a bare `431` and no body; here it gets the same RFC 9457 problem+json as every other
 * refusal, with a Chinese detail. Other parse errors get a 400 problem the same way.
 */
import type { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';

const REASONS: Record<string, { status: number; text: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    text: 'Request Header Fields Too Large',
    detail: '请求的地址或请求头过长（超过 16 KB）：请缩短查询条件，或改用表单提交内容',
  },
};
const BAD_REQUEST = { status: 400, text: 'Bad Request', detail: '请求格式错误，服务器无法解析' };

export function problemWire(status: number, text: string, detail: string): string {
  const body = JSON.stringify({
    type: `https://lvzhi.local/problems/${status === 431 ? 'request-too-large' : 'malformed'}`,
    title: status === 431 ? '请求过长' : '请求格式错误',
    status,
    detail,
  });
  return [
    `HTTP/1.1 ${status} ${text}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

export function answerClientErrors(server: EventEmitter): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // A connection that merely went away (reset, timeout) needs no answer.
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const reason = REASONS[error.code ?? ''] ?? BAD_REQUEST;
    socket.end(problemWire(reason.status, reason.text, reason.detail));
  });
}
