/** An answer of the API. */
export interface ApiAnswer<T = any> {
  status: number;
  body: T;
}

/**
 * A small client of the service's HTTP API, signed in with one API token, as any integration would
 * use it. Statuses other than the expected ones are errors that say what the service answered.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async call<T = any>(method: string, path: string, body?: unknown, expect: number[] = [200, 201]): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, 'accept-language': 'sv' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (!expect.includes(res.status)) {
      throw new Error(`${method} ${path} → ${res.status}: ${parsed?.message ?? text}`);
    }
    return { status: res.status, body: parsed as T };
  }

  get<T = any>(path: string) {
    return this.call<T>('GET', path).then((a) => a.body);
  }

  post<T = any>(path: string, body?: unknown) {
    return this.call<T>('POST', path, body ?? {}).then((a) => a.body);
  }

  put<T = any>(path: string, body: unknown) {
    return this.call<T>('PUT', path, body).then((a) => a.body);
  }

  patch<T = any>(path: string, body: unknown) {
    return this.call<T>('PATCH', path, body).then((a) => a.body);
  }
}
