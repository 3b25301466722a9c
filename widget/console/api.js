// The agent API (contracts §5) over fetch, with the session's token.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}

async function call(method, path, token, body) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let r;
  try {
    r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', credentials: 'omit' });
  } catch (e) {
    throw new ApiError(0, 'network', e.message);
  }
  let json = null;
  try { json = await r.json(); } catch { /* not JSON */ }
  if (!r.ok) {
    throw new ApiError(r.status, (json && json.error) || 'http_' + r.status, json && json.message);
  }
  return json;
}

/** Signs in: the login answer ({token, expiresAt, username, displayName, role, teams, ...}). */
export function login(username, password) {
  return call('POST', '/api/v1/auth/login', null, { username, password });
}

/** The calls a signed-in console makes; onUnauthorized runs on any 401 (the token has expired). */
export function api(token, onUnauthorized) {
  const go = async (method, path, body) => {
    try {
      return await call(method, path, token, body);
    } catch (e) {
      if (e.status === 401) onUnauthorized();
      throw e;
    }
  };
  const conv = (id) => '/api/v1/agent/conversations/' + encodeURIComponent(id);
  return {
    me: () => go('GET', '/api/v1/agent/me'),
    queue: () => go('GET', '/api/v1/agent/queue'),
    claim: (id) => go('POST', conv(id) + '/claim', {}),
    conversation: (id) => go('GET', conv(id)),
    send: (id, text) => go('POST', conv(id) + '/messages', { text }),
    tradeResult: (id, result) => go('POST', conv(id) + '/trade-result', result),
    resolve: (id, disposition) => go('POST', conv(id) + '/resolve', { disposition }),
    openCases: () => go('GET', '/api/v1/agent/cases?status=open'),
    resolveCase: (caseId, resolution) => go('POST', '/api/v1/agent/cases/' + encodeURIComponent(caseId) + '/resolve',
      { resolution }),
    supervisorQueues: () => go('GET', '/api/v1/supervisor/queues'),
  };
}
