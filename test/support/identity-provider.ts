import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type CryptoKey } from 'jose';

/** An OpenID Connect provider's published keys (JWKS) on a local port, with the private key to sign tokens. */
export interface TestIdentityProvider {
  /** `http://127.0.0.1:<port>`, to configure as the issuer. */
  issuer: string;
  /** Where the keys are: `<issuer>/keys`. */
  jwksUri: string;
  /** The published key's private half, with its key id `k1`. */
  signing: { privateKey: CryptoKey; kid: string };
  close(): Promise<void>;
}

/** Generates an RS256 key pair and publishes its public key at `/keys`. */
export async function startIdentityProvider(): Promise<TestIdentityProvider> {
  const key = await generateKeyPair('RS256', { extractable: true });
  const published = { keys: [{ ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
  const server = createServer((req, res) => {
    if (req.url === '/keys') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(published));
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, jwksUri: `${issuer}/keys`, signing: { privateKey: key.privateKey, kid: 'k1' }, close: () => new Promise((r) => server.close(() => r())) };
}
