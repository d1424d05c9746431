// A real OpenID provider (oidc-provider) on loopback for the company sign-in tests, run as a child process
// because the package is an ES module. Argument: JSON { port, clientId, clientSecret, redirectUri }.
// The test steers it over plain HTTP:
//   POST /__test/account {sub, email, name, groups}  who signs in next (the login and consent screens are skipped)
//   POST /__test/tokens {idTokenTtl, delayMs}          short-lived ID tokens and a slow token endpoint (expiry tests)
import Provider from 'oidc-provider';

const { port, clientId, clientSecret, redirectUri } = JSON.parse(process.argv[2]);
const accounts = new Map();
let current = null;
const tokens = { idTokenTtl: 3600, delayMs: 0 };

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post' }],
  pkce: { required: () => true },
  scopes: ['openid', 'email', 'profile', 'groups'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  cookies: { keys: ['only-for-the-test-provider'] },
  ttl: { IdToken: () => tokens.idTokenTtl },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: async (_ctx, sub) => {
    const account = accounts.get(sub);
    return account && { accountId: sub, claims: async () => ({ sub, email: account.email, email_verified: true, name: account.name, groups: account.groups }) };
  },
});

async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return JSON.parse(text || '{}');
}

provider.use(async (ctx, next) => {
  if (ctx.method === 'POST' && ctx.path === '/__test/account') {
    current = await readJson(ctx.req);
    accounts.set(current.sub, current);
    ctx.status = 204;
    return;
  }
  if (ctx.method === 'POST' && ctx.path === '/__test/tokens') {
    Object.assign(tokens, await readJson(ctx.req));
    ctx.status = 204;
    return;
  }
  if (ctx.path.startsWith('/interaction/')) {
    // The person "signs in" at the provider as whoever the test named, and consents to everything asked.
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    let result;
    if (details.prompt.name === 'login') {
      result = { login: { accountId: current.sub } };
    } else {
      const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      result = { consent: { grantId: await grant.save() } };
    }
    ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false }));
    return;
  }
  await next();
  if (ctx.path === '/token' && tokens.delayMs) await new Promise((r) => setTimeout(r, tokens.delayMs));
});

provider.listen(port, '127.0.0.1', () => console.log('provider ready'));
