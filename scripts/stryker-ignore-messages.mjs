// A Stryker ignorer (`ignorers: ['developer-messages']` in stryker.config.mjs). It leaves unmutated the English
// text of an error and the first argument of a log call, and only those:
// - `new AppError(code, message, fields?, detail?)` and `fail({ code, message, … })`: the caller acts on the code and
//   the `v.*` field keys, which stay mutated and asserted. The renderer shows the catalog text for the code
//   (`errors.<code>`, one for every code) or the field key; an error's English text reaches the screen only where
//   the station cannot answer at all, as a detail under the catalog's title;
// - `new Error(message)`: a bug; the dispatcher answers INTERNAL with an incident id and only the log sees the text;
// - `logger.info/error(message, meta)`: the log line's wording (its meta stays mutated).
// Changing such a text changes no rule, and a test pinning English prose would fail on every rewording.
// It also leaves unmutated the `code` and `params` of an issue a refinement adds (`ctx.addIssue({ code, path, message,
// params })`): the dispatcher's fieldErrors and the renderer's forms read an issue's path and its `v.*` message (both
// stay mutated and asserted), never its code or params, so no caller can tell 'custom' from '' or a param from none.

/** @param {any} path a Babel NodePath */
function isMessageArgument(path) {
  if (!path.isStringLiteral() && !path.isTemplateLiteral()) return false;
  const property = path.parentPath;
  if (property?.isObjectProperty() && path.key === 'value' && property.node.key.type === 'Identifier' && property.node.key.name === 'message') {
    const call = property.parentPath?.parentPath;
    return Boolean(call?.isCallExpression() && call.node.callee.type === 'Identifier' && call.node.callee.name === 'fail');
  }
  const call = path.parentPath;
  if (!call || path.listKey !== 'arguments') return false;
  if (call.isNewExpression() && call.node.callee.type === 'Identifier') {
    const name = call.node.callee.name;
    return (name === 'AppError' && path.key === 1) || (name === 'Error' && path.key === 0);
  }
  if (call.isCallExpression() && call.node.callee.type === 'MemberExpression') {
    const { object, property } = call.node.callee;
    const onLogger =
      (object.type === 'Identifier' && object.name === 'logger') ||
      (object.type === 'MemberExpression' && object.property.type === 'Identifier' && object.property.name === 'logger');
    return onLogger && property.type === 'Identifier' && (property.name === 'info' || property.name === 'error') && path.key === 0;
  }
  return false;
}

/** @param {any} path a Babel NodePath: the value of `code` or `params` in `….addIssue({ … })`. */
function isUnreadIssueProperty(path) {
  const property = path.parentPath;
  if (!property?.isObjectProperty() || path.key !== 'value' || property.node.key.type !== 'Identifier') return false;
  if (property.node.key.name !== 'code' && property.node.key.name !== 'params') return false;
  const call = property.parentPath?.parentPath;
  const callee = call?.isCallExpression() ? call.node.callee : undefined;
  return callee?.type === 'MemberExpression' && callee.property.type === 'Identifier' && callee.property.name === 'addIssue';
}

export const strykerPlugins = [
  {
    kind: 'Ignore',
    name: 'developer-messages',
    value: {
      shouldIgnore(path) {
        if (isMessageArgument(path)) return 'Developer-facing message text: callers and the renderer use the code and the v.* field keys.';
        if (isUnreadIssueProperty(path)) return 'A refinement issue’s code and params: callers read its path and v.* message only.';
        return undefined;
      },
    },
  },
];
