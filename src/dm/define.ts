// Typed, frozen model definitions (the one set of helpers every ModelModule uses). A module is
// static data: each helper returns a frozen object, so a board build keeps it in flash
// (design.md), and each is typed so that a misspelled option or an unknown parameter name in a
// handler fails to compile:
//
//   defineModule({ objects: [
//     defineObject({ path: 'Device.X_ACME_Thermostat.', params: [decimal('CurrentTemperature', { computed: true })] },
//       { read: (ctx, objPath, name) => (name === 'CurrentTemperature' ? sensor() : undefined) }),
//   ] })
//
// A table's `<Name>NumberOfEntries` parameter is derived by the engine (schema.ts): never declare it.
import type {
  CommandDef, EventDef, HandlerContext, ModelModule, ObjectDef, ObjectHandlers, ParamAccess, ParamDef, ParamType,
} from './api.ts';

/** Everything of a parameter but its name and type (so excess properties are compile errors). */
export type ParamOptions = Omit<ParamDef, 'name' | 'type'>;
/** A parameter definition that remembers its name's literal type. */
export type Param<N extends string = string> = ParamDef & { readonly name: N };

/**
 * The definitions made so far of each type, access and maxLength: a definition holds its other
 * properties and inherits these three from one of them (each property of a preloaded object is a
 * slot of flash; ~100 of the 140 TR-181 definitions share such a prototype, issue 10).
 */
const protos: ParamDef[] = [];

export function param<N extends string>(name: N, type: ParamType, options: ParamOptions = {}): Param<N> {
  const { access, maxLength, ...own } = options;
  let proto = protos.find((p) => p.type === type && p.access === access && p.maxLength === maxLength);
  if (!proto) {
    const made: { type: ParamType; access?: ParamAccess; maxLength?: number } = { type };
    if (access !== undefined) made.access = access;
    if (maxLength !== undefined) made.maxLength = maxLength;
    protos.push(proto = Object.freeze(made) as ParamDef);
  }
  // An enum list kept as one comma-separated string: 16 B of flash less per value and per list.
  return Object.freeze(Object.setPrototypeOf(own.enum ? { name, ...own, enum: String(own.enum) } : { name, ...own }, proto));
}
export const str = <N extends string>(name: N, maxLength: number, o: Omit<ParamOptions, 'maxLength'> = {}): Param<N> =>
  param(name, 'string', { maxLength, ...o });
export const bool = <N extends string>(name: N, o: ParamOptions = {}): Param<N> => param(name, 'boolean', o);
export const uint = <N extends string>(name: N, o: ParamOptions = {}): Param<N> => param(name, 'unsignedInt', o);
export const int = <N extends string>(name: N, o: ParamOptions = {}): Param<N> => param(name, 'int', o);
export const decimal = <N extends string>(name: N, o: ParamOptions = {}): Param<N> => param(name, 'decimal', o);
export const dateTime = <N extends string>(name: N, o: ParamOptions = {}): Param<N> => param(name, 'dateTime', o);

/**
 * The TR-181 Alias of a table row (a non-functional unique key): starts with a letter (7012
 * otherwise) and is write-once: settable at creation and once more while it holds the Agent's
 * 'cpe-' value, then fixed (R-KEY.1@1.3; Set answers 7013). Every model's Alias is this one
 * frozen definition (one object in flash, not one per table).
 */
const ALIAS = str('Alias', 64, { access: 'WO', pattern: '[A-Za-z].*|' });
export const alias = (): Param<'Alias'> => ALIAS;
/** A table row's writable Enable (false until set): one shared definition, as alias(). */
const ENABLE = bool('Enable', { access: 'W' });
export const enable = (): Param<'Enable'> => ENABLE;
/** A strong reference to instances of `target` (R-ARC.12: cleared when they are deleted). */
export const strongRef = (target: string): NonNullable<ParamDef['ref']> => Object.freeze({ kind: 'strong', target });
/** Unique key sets: keys(['Alias'], ['EndpointID']) (public: models outside src/ use it, e.g. examples/x-acme-thermostat). */
export const keys = (...sets: string[][]): readonly (readonly string[])[] => Object.freeze(sets.map((s) => Object.freeze(s)));
/** A frozen list (enum values, argument lists). */
export const list = <T>(...items: T[]): readonly T[] => Object.freeze(items);

export const command = (name: `${string}()`, o: Omit<CommandDef, 'name'>): CommandDef => Object.freeze({ name, ...o });
export const event = (name: `${string}!`, args: readonly ParamDef[] = []): EventDef => Object.freeze({ name, args: Object.freeze(args) });

/** The definition of one object with its parameter names as a type, for its handlers. */
export interface ObjectSpec<N extends string> extends Omit<ObjectDef, 'params'> {
  readonly params?: readonly Param<N>[];
}

/** One object and its handlers; `name` in `read`/`write` is one of its own parameter names. */
export interface ObjectPart {
  readonly def: ObjectDef;
  readonly handlers?: ObjectHandlers;
}

export function defineObject<N extends string = never>(spec: ObjectSpec<N>, handlers?: ObjectHandlers<N>): ObjectPart {
  const def: ObjectDef = Object.freeze({ ...spec, params: Object.freeze(spec.params ? spec.params.slice() : []) });
  return Object.freeze({ def, handlers: handlers as ObjectHandlers | undefined });
}

/** A ModelModule from its objects (with their handlers) and an optional boot hook. */
export function defineModule(spec: { objects: readonly ObjectPart[]; boot?(ctx: HandlerContext): void }): ModelModule {
  const handlers: { [path: string]: ObjectHandlers } = {};
  for (const o of spec.objects) if (o.handlers) handlers[o.def.path] = o.handlers;
  return { objects: Object.freeze(spec.objects.map((o) => o.def)), handlers, boot: spec.boot };
}
