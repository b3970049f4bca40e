// Aliased for `module` (see wrangler.toml [alias]). Libraries that look for an
// optional native engine call createRequire(...)("re2") inside try/catch; a
// require that always throws makes them fall back to plain RegExp in workerd.
export function createRequire(_from: string | URL): (id: string) => never {
  return (id: string) => {
    throw new Error(`require(${JSON.stringify(id)}) is not available in the Workers runtime`);
  };
}

export default { createRequire };
