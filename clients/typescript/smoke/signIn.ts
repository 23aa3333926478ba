// Signing in as a browser front-end does: the authorization code flow with PKCE (S256) through the gateway.
// A real front-end sends the browser to /connect/authorize and reads the code at its redirect URI; here the
// sign-in page is filled in by script, with the cookies it sets.
import { createHash, randomBytes } from 'node:crypto';

export const webClient = 'servicemanufacturing-web';
export const redirectUri = 'http://localhost:5173/callback'; // registered in Identity:Clients (README)

const base64Url = (bytes: Buffer): string => bytes.toString('base64url');

export async function signIn(gateway: string, userName: string, password: string): Promise<string> {
  const cookies = new Map<string, string>();
  const browse = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(new URL(url, gateway), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string> | undefined), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  const location = (response: Response): string => {
    const to = response.headers.get('location');
    if (response.status !== 302 || to === null) throw new Error(`Expected a redirect, got ${response.status}`);
    return to;
  };

  const verifier = base64Url(randomBytes(32));
  const challenge = base64Url(createHash('sha256').update(verifier).digest());
  const authorize = `/connect/authorize?${new URLSearchParams({
    client_id: webClient, redirect_uri: redirectUri, response_type: 'code', scope: 'openid profile offline_access api',
    code_challenge: challenge, code_challenge_method: 'S256', state: 'smoke',
  })}`;
  const page = await (await browse(location(await browse(authorize)))).text();
  const form = new URLSearchParams();
  for (const [, name = '', value = ''] of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    form.set(name, value.replaceAll('&amp;', '&').replaceAll('&#x2B;', '+').replaceAll('&#x2F;', '/').replaceAll('&#x3D;', '='));
  form.set('userName', userName);
  form.set('password', password);
  const signedIn = await browse('/account/sign-in', {
    method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const back = new URL(location(await browse(location(signedIn))));
  const code = back.searchParams.get('code');
  if (code === null) throw new Error(`No code in ${back}`);

  const token = await fetch(new URL('/connect/token', gateway), {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: webClient, code_verifier: verifier,
    }),
  });
  const body: unknown = await token.json();
  if (!token.ok || typeof body !== 'object' || body === null || !('access_token' in body) || typeof body.access_token !== 'string')
    throw new Error(`The token endpoint refused ${userName}: ${JSON.stringify(body)}`);
  return body.access_token;
}
