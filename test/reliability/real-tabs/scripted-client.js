// A stand-in for ParaWeb with the methods the kit calls, talking to the scripted server. The cookie
// string lives in localStorage, shared by every tab of the origin as the real SDK's storage is.
export function createScriptedClient({ pageId, sessionName }) {
  const headers = { 'x-page-id': pageId, 'x-session-name': sessionName };
  const cookieKey = `real-tabs:cookie:${sessionName}`;

  async function call(path) {
    const response = await fetch(path, { method: 'POST', headers });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    const body = await response.json();
    if (body.cookie) localStorage.setItem(cookieKey, body.cookie);
    else localStorage.removeItem(cookieKey);
    return body;
  }

  return {
    userId: 'user-1',
    email: 'user@example.test',
    // Throws on a network error, like the SDK: the engine tells "offline" from "expired".
    async isSessionActive() {
      return (await call('/api/touch')).active === true;
    },
    // Never throws, like the SDK: false on any failure.
    async keepSessionAlive() {
      try {
        return (await call('/api/keep-alive')).ok === true;
      } catch {
        return false;
      }
    },
    retrieveSessionCookie() {
      return localStorage.getItem(cookieKey) ?? undefined;
    },
    async logout() {
      try {
        await call('/api/logout');
      } finally {
        // The SDK announces its logout with this window event (in its own tab only).
        window.dispatchEvent(new CustomEvent('paraLogout'));
      }
    },
  };
}
