// Preloaded (node -r) into a Node-RED started with --disallow-code-generation-from-strings: Node-RED's web stack
// (express → body-parser → depd 2) builds its deprecation wrappers with new Function at load, so without this the
// runtime cannot start under the flag at all. This replaces that one function of depd — `deprecate.function(fn,
// message)` — with the same wrapper written as a closure (log the deprecation, then call through). Nothing else is
// changed: the package under test gets no such help.
'use strict';
const Module = require('module');

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const exported = load.call(this, request, parent, isMain);
  if (request !== 'depd' || typeof exported !== 'function' || exported.withoutStrings) return exported;
  const depd = function (namespace) {
    const deprecate = exported(namespace);
    deprecate.function = function (fn, message) {
      if (typeof fn !== 'function') throw new TypeError('argument fn must be a function');
      return function () {
        deprecate(message);
        return fn.apply(this, arguments);
      };
    };
    return deprecate;
  };
  depd.withoutStrings = true;
  return depd;
};
