/**
 * The JSON shapes of product.md as records, shared by the HTTP API and the command line's {@code
 * --json}, and the one mapper that writes them ({@link io.cratedigger.view.Json}). A view is built
 * from the engine's answer by a static {@code of}; it holds no logic beyond choosing and naming
 * fields.
 */
package io.cratedigger.view;
