#!/usr/bin/env node
/**
 * Writes src/infrastructure/http/openapi-metadata.ts: the OpenAPI schemas of request bodies, query
 * parameters and responses, read by the @nestjs/swagger compiler plugin from their TypeScript types,
 * JSDoc comments (`@example`) and class-validator decorators, so no DTO carries hand-written
 * `@ApiProperty`. Generated ahead of time rather than by a compile-time transformer, so the one file
 * serves every way the code runs: `nest build`, ts-jest (which only transpiles) and ts-node.
 * Runs before `build` and `test`; commit the result (the app loads it at start).
 */
const { PluginMetadataGenerator } = require('@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator');
const { ReadonlyVisitor } = require('@nestjs/swagger/plugin');
const { join } = require('node:path');
const { writeFileSync } = require('node:fs');

const output = join(__dirname, '..', 'src', 'infrastructure', 'http');
process.chdir(join(__dirname, '..'));
// The generator type-checks the sources first, and they import this file: start from an empty one, so
// neither a missing nor a stale file (describing classes that have moved) stops it.
writeFileSync(
  join(output, 'openapi-metadata.ts'),
  "export default async () => ({ '@nestjs/swagger': { models: [], controllers: [] } });\n",
);
new PluginMetadataGenerator().generate({
  visitors: [
    new ReadonlyVisitor({
      pathToSource: output,
      introspectComments: true,
      classValidatorShim: true,
      // A route's own small params or answer classes may sit beside it in its controller file.
      dtoFileNameSuffix: ['.bodies.ts', '.params.ts', '.responses.ts', '.controller.ts'],
      // Routes declare their answers explicitly (`CommandRoute`, `QueryRoute`): inferred ones would add a
      // default 201 to every POST beside its real status. So no controller is read for them.
      controllerFileNameSuffix: ['.no-inferred-responses.ts'],
    }),
  ],
  outputDir: output,
  filename: 'openapi-metadata.ts',
  watch: false,
  tsconfigPath: 'tsconfig.build.json',
  printDiagnostics: true,
});
