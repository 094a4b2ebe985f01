/**
 * The bundled packs compiled for the service worker. In a build (`wxt build`, `wxt dev`) the
 * body of this module is replaced by the packs compiled at build time (a Vite plugin,
 * scripts/build-compiled-index.ts): the worker then neither evaluates the packs as object
 * literals nor compiles them at start. This body is what runs without the plugin (tests): the
 * same data, made from the pack files on first call.
 */
import { compilePacks, type CompiledPacks } from '../core/compiled-index-codec';
import { bundledPackFiles } from './bundled-glossary';

let made: CompiledPacks | undefined;

/** Every bundled pack, compiled. */
export function compiledPacks(): CompiledPacks {
  return (made ??= compilePacks(bundledPackFiles()));
}
