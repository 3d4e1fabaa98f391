import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { ALL_EVENT_TYPES } from '../../../../src/application/features';

/**
 * Every field of every event that looks like personal data must be declared in its type's registration,
 * or it would be stored in clear. Event types have no runtime shape, so this reads their TypeScript types
 * with the compiler: a field added to an event (or to a type an event nests) is seen the day it is added.
 */
const PERSONAL =
  /(^|\.)(name|[a-z]*Name|phone|[a-z]*Phone|plate|[a-z]*Plate|address|[a-z]*Address|idNumber|[a-z]*IdNumber|birthday|[a-z]*Birthday|birthDate|[a-z]*BirthDate|dateOfBirth)$/;
/** Names that match the pattern but are not about a person, each with the reason. */
const NOT_PERSONAL: Readonly<Record<string, string>> = {
  'GiftDefined.name': 'the name of a gift article on the shelf, not of a person',
  'FleetAccountOpened.companyName': 'the registered name of a company (集团客户), not of a person',
  'FleetMemberCompanyAdded.companyName': 'the registered name of a member company, not of a person',
};

const DOMAIN = join(__dirname, '../../../../src/domain');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );

/** Event type name → every dotted path in its data (arrays and unions walked through). */
const eventShapes = (): Map<string, string[]> => {
  const program = ts.createProgram(sourceFiles(DOMAIN), { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const shapes = new Map<string, string[]>();
  const pathsOf = (type: ts.Type, prefix: string, depth: number, into: Set<string>): void => {
    if (depth > 6) return;
    if (type.isUnion()) {
      for (const member of type.types) pathsOf(member, prefix, depth, into);
      return;
    }
    const element = checker.isArrayType(type) ? checker.getTypeArguments(type as ts.TypeReference)[0] : null;
    if (element) return pathsOf(element, prefix, depth + 1, into);
    if (!(type.flags & ts.TypeFlags.Object)) return;
    for (const property of checker.getPropertiesOfType(type)) {
      const path = prefix ? `${prefix}.${property.name}` : property.name;
      into.add(path);
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!declaration) continue;
      pathsOf(checker.getTypeOfSymbolAtLocation(property, declaration), path, depth + 1, into);
    }
  };
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(DOMAIN)) continue;
    ts.forEachChild(file, (node) => {
      if (!ts.isTypeAliasDeclaration(node)) return;
      const type = checker.getTypeAtLocation(node.name);
      if (type.isUnion()) return;
      const typeSymbol = type.getProperty('type');
      const dataSymbol = type.getProperty('data');
      if (!typeSymbol || !dataSymbol || type.getProperty('metadata')) return; // commands carry metadata
      const literal = checker.getTypeOfSymbolAtLocation(typeSymbol, node);
      if (!literal.isStringLiteral()) return;
      const paths = new Set<string>();
      pathsOf(checker.getTypeOfSymbolAtLocation(dataSymbol, node), '', 0, paths);
      shapes.set(literal.value, [...paths]);
    });
  }
  return shapes;
};

describe('personal data declarations', () => {
  const shapes = eventShapes();

  it('sees the shape of every registered event type', () => {
    const unseen = ALL_EVENT_TYPES.map((registration) => registration.type).filter(
      (type) => !shapes.has(type),
    );
    expect(unseen).toEqual([]);
  });

  it('declares every field that looks like personal data, in every registered event type', () => {
    const undeclared = ALL_EVENT_TYPES.flatMap((registration) =>
      (shapes.get(registration.type) ?? [])
        .filter((path) => PERSONAL.test(path) && !NOT_PERSONAL[`${registration.type}.${path}`])
        .filter((path) => !registration.personalData?.fields[path])
        .map((path) => `${registration.type}.${path}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('declares only fields that exist, with a subject that exists, protected from the current version at the latest', () => {
    const stale = ALL_EVENT_TYPES.flatMap((registration) => {
      const declaration = registration.personalData;
      if (!declaration) return [];
      const paths = new Set(shapes.get(registration.type) ?? []);
      return [declaration.subject, ...Object.keys(declaration.fields)]
        .filter((path) => !paths.has(path))
        .map((path) => `${registration.type}.${path}`)
        .concat(declaration.since > registration.schemaVersion ? [`${registration.type} since`] : []);
    });
    expect(stale).toEqual([]);
  });

  it('would catch a missed field: the pattern matches every kind in the declarations', () => {
    const declared = ALL_EVENT_TYPES.flatMap((registration) =>
      Object.keys(registration.personalData?.fields ?? {}),
    );
    expect(declared.length).toBeGreaterThan(5);
    expect(declared.filter((path) => !PERSONAL.test(path))).toEqual([]);
    expect(
      ['contact.mobilePhone', 'buyer.homeAddress', 'plate', 'driver.name', 'member.birthDate'].every((p) =>
        PERSONAL.test(p),
      ),
    ).toBe(true);
  });
});
