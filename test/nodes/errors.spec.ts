import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CtiProtocolError, StatusCode } from '../../lib/protocol';
import {
  CtiConnectionError,
  CtiNotOpenError,
  CtiOpenError,
  CtiOptionsError,
  CtiRequestError,
  CtiTimeoutError,
} from '../../lib/session';
import { describeFailure, explainSessionError, failure, firstClause, type ReasonContext } from '../../nodes/lib/errors';

const ctx: ReasonContext = {
  endpoint: (side) => (side === 'A' ? '10.0.0.5:42027' : '10.0.0.6:43027'),
  host: (side) => (side === 'A' ? '10.0.0.5' : '10.0.0.6'),
  clientId: 'NodeRED',
  passwordSet: true,
  tls: false,
};

function socketError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('nodes/lib/errors: one place maps lib errors to user text, by class', function () {
  it('request failures: status hint, timeout, not open, codec, other', function () {
    const conf = { messageType: 'FAILURE_CONF', status: StatusCode.byName.E_CTI_INVALID_CALLID };
    assert.equal(
      describeFailure(new CtiRequestError('SET_CALL_DATA_REQ', 7, conf)),
      'E_CTI_INVALID_CALLID (the call no longer exists)',
    );
    assert.equal(
      describeFailure(new CtiTimeoutError('HOLD_CALL_REQ', 10000, 3)),
      'no answer from the CTI Server within 10 s',
    );
    assert.equal(
      describeFailure(new CtiNotOpenError('whatever the lib says', 'failover')),
      'not connected to the CTI server (state: failover)',
    );
    assert.equal(
      describeFailure(
        new CtiProtocolError(
          'E_CTI_INVALID_FIELD_LENGTH',
          'SET_CALL_DATA_REQ: callVariable3 is 52 characters; the limit is 40',
          'SET_CALL_DATA_REQ',
          'callVariable3',
        ),
      ),
      'callVariable3 is 52 characters; the limit is 40',
    );
    assert.equal(describeFailure(new Error('plain')), 'plain');
    const out = failure('SET_CALL_DATA', new CtiRequestError('SET_CALL_DATA_REQ', 7, conf)) as Error & {
      code?: string;
    };
    assert.equal(out.message, 'SET_CALL_DATA failed: E_CTI_INVALID_CALLID (the call no longer exists)');
    assert.equal(out.code, 'E_CTI_INVALID_CALLID');
  });

  it('an error that only looks like a session error (same name, same fields) is not treated as one', function () {
    const impostor = Object.assign(new Error('the lib text'), { name: 'CtiNotOpenError', state: 'open' });
    assert.equal(describeFailure(impostor), 'the lib text');
  });

  it('connection failures: code and where in the short form, advice in the full one', function () {
    const refused = explainSessionError(
      new CtiConnectionError('A', '10.0.0.5:42027: connect ECONNREFUSED', socketError('ECONNREFUSED', 'x')),
      ctx,
    );
    assert.equal(refused.short, 'ECONNREFUSED 10.0.0.5:42027');
    assert.match(refused.full, /^side A 10\.0\.0\.5:42027 refused the connection \(ECONNREFUSED\)/);
    assert.equal(refused.key, 'socket:A:ECONNREFUSED');
    const notFound = explainSessionError(
      new CtiConnectionError('B', 'x', socketError('ENOTFOUND', 'getaddrinfo ENOTFOUND')),
      ctx,
    );
    assert.equal(notFound.short, 'ENOTFOUND 10.0.0.6');
    assert.match(notFound.full, /^side B: host "10\.0\.0\.6" not found \(ENOTFOUND\)/);
  });

  it('a TLS client against a plain server says TLS, on one line, without OpenSSL text', function () {
    const openssl = '80FC4622887F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:x.c:350:\n';
    const e = explainSessionError(
      new CtiConnectionError('A', `10.0.0.5:42027: ${openssl}`, socketError('ERR_SSL_WRONG_VERSION_NUMBER', openssl)),
      { ...ctx, tls: true },
    );
    assert.equal(e.short, 'TLS handshake failed at 10.0.0.5:42027');
    assert.match(e.full, /TLS handshake failed \(ERR_SSL_WRONG_VERSION_NUMBER\).*untick "Use TLS"/);
    assert.ok(!e.full.includes('\n') && !e.full.includes('ssl3_get_record'), e.full);
  });

  it('open refusals: a configuration refusal is marked; a missing password reads differently from a wrong one', function () {
    const wrong = new CtiOpenError(StatusCode.byName.E_CTI_INVALID_PASSWORD, {
      clientId: 'NodeRED',
      version: 24,
      side: 'A',
    });
    const w = explainSessionError(wrong, ctx);
    assert.equal(w.short, 'E_CTI_INVALID_PASSWORD');
    assert.equal(w.configRefused, true);
    assert.match(
      w.full,
      /^the CTI Server side A refused the configuration: E_CTI_INVALID_PASSWORD \(36\) — check the password/,
    );
    const missing = explainSessionError(wrong, { ...ctx, passwordSet: false });
    assert.equal(missing.short, 'no password set');
    assert.match(missing.full, /wants a password for ClientID "NodeRED".*none is set/);
    assert.notEqual(missing.key, w.key);
    const offline = explainSessionError(
      new CtiOpenError(StatusCode.byName.E_CTI_CTI_SERVER_OFFLINE, { clientId: 'x', version: 24, side: 'B' }),
      ctx,
    );
    assert.equal(offline.configRefused, false);
    assert.match(offline.full, /^the CTI Server side B refused OPEN_REQ: E_CTI_CTI_SERVER_OFFLINE/);
  });

  it('a garbage frame: random values stay out of the key', function () {
    const a = explainSessionError(new CtiProtocolError('E_CTI_INVALID_MESSAGE_LENGTH', 'type 48213 length 99999'), ctx);
    const b = explainSessionError(new CtiProtocolError('E_CTI_INVALID_MESSAGE_LENGTH', 'type 7 length 31337'), ctx);
    assert.equal(a.key, b.key);
    assert.equal(a.short, 'protocol error E_CTI_INVALID_MESSAGE_LENGTH');
  });

  it('options and timeouts', function () {
    const o = explainSessionError(new CtiOptionsError('heartbeatInterval', 'bad'), ctx);
    assert.equal(o.configRefused, true);
    const t = explainSessionError(
      new CtiTimeoutError('OPEN_REQ', 30000, 1, 'side A: no OPEN_CONF within 30000 ms'),
      ctx,
    );
    assert.equal(t.short, 'no answer to OPEN_REQ');
    assert.equal(t.key, 'timeout:OPEN_REQ');
  });

  it('firstClause never cuts inside a word', function () {
    assert.equal(firstClause('short; rest'), 'short');
    const long = firstClause('alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron', 40);
    assert.ok(long.endsWith('…') && /[a-z]…$/.test(long), long);
    assert.ok(!long.slice(0, -1).endsWith(' '));
  });

  it('nodes/ recognises errors by class only: no matching by error name or message text', function () {
    const dir = path.join(__dirname, '../../nodes');
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name.endsWith('.ts')) files.push(path.join(d, e.name));
      }
    };
    walk(dir);
    const offending =
      /\.name\s*===\s*'Cti|e\.name\b|err\.name\b|\.message\.(match|includes|startsWith)\(|\.test\((e|err)\.message\)/;
    const hits = files.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => offending.test(l))
        .map((l) => `${path.relative(dir, f)}: ${l.trim()}`),
    );
    assert.deepEqual(hits, []);
  });
});
