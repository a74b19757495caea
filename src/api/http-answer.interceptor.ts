import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { HttpAnswer, RawJson } from './http.js';

/**
 * Sends an `HttpAnswer` a controller returned: its status, its headers (ETag, Idempotent-Replayed)
 * and its body, a stored JSON text unchanged. Controllers thus never take `@Res()`, and Nest's
 * pipeline (filters, interceptors, the OpenAPI document) sees every answer. Other values pass.
 */
@Injectable()
export class HttpAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(value instanceof HttpAnswer)) return value;
        const res = context.switchToHttp().getResponse<Response>();
        res.status(value.status);
        for (const [name, text] of Object.entries(value.headers)) res.setHeader(name, text);
        if (!(value.body instanceof RawJson)) return value.body;
        // A string is sent as it is; the type says it is JSON.
        res.type('application/json');
        return value.body.text;
      }),
    );
  }
}
