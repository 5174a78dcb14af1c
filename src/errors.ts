/**
 * `tinychat-widget/errors`: the transport's error classes and their guards alone, for code that handles the
 * widget's failures without loading the widget (a few hundred bytes).
 */
export * from './transport/errors/index.ts';
