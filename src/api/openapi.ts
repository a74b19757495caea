import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/**
 * The OpenAPI document of the service, as served at `/docs-json`. `npm run openapi` writes it to
 * `schemas/openapi.json` (the committed contract the web app's types are generated from); a test
 * fails when the two differ.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Samverkan')
      .setDescription(
        'Workflow and rules engine for governance in networks: cases (collaborations) moving through JSON-defined lifecycles, gated by explainable rules.',
      )
      .setVersion('0.1.0')
      .setLicense('EUPL-1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12')
      // Relative: the document describes the service that serves it, wherever it runs.
      .addServer('/', 'This service')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API token (svk_…) or an access token from the configured identity provider' })
      .addSecurityRequirements('bearer')
      .addTag('cases', 'Cases (collaborations): start, list, read, send events, fields, gates, history')
      .addTag('parties and roles', 'The organisations taking part in a case and the roles they hold; the rotating chair')
      .addTag('board decisions', 'Decision points and the boards that must adopt the same text')
      .addTag('goals', 'Goals with indicators, measurements (also from Kolada) and progress')
      .addTag('resources and actions', 'Resource commitments of the parties and the action plan')
      .addTag('documents', 'Documents of a case: registry references, files, signatures')
      .addTag('deadlines and escalations', 'Escalations of missed deadlines, the inbox and the outbox of notifications')
      .addTag('workflows', 'Workflow definitions and rule sets: list, validate, publish; the fact catalogue')
      .addTag('registry', 'Organisations, boards and people')
      .addTag('access', 'API tokens')
      .addTag('web interface', 'What the web interface needs besides the case API')
      .addTag('health', 'Whether the service and its database are up')
      .build(),
  );
}
