/**
 * Output formats. Each {@link dev.lintgate.report.Reporter} turns one {@link dev.lintgate.report.Report} into one
 * format; none of them knows about the CLI, the engine or each other. The CLI picks them by name:
 *
 * <ul>
 *   <li>{@code full} / {@code concise}: {@link dev.lintgate.report.TextReporter#full} /
 *       {@link dev.lintgate.report.TextReporter#concise} (colour decided by the caller)</li>
 *   <li>{@code json}: {@link dev.lintgate.report.JsonReporter}, schema in {@code docs/json-output.md}</li>
 *   <li>{@code json-lines}: {@link dev.lintgate.report.JsonLinesReporter}</li>
 *   <li>{@code github}: {@link dev.lintgate.report.GithubReporter}, plus
 *       {@link dev.lintgate.report.StepSummaryReporter} into {@code $GITHUB_STEP_SUMMARY}</li>
 *   <li>{@code sarif}: {@link dev.lintgate.report.SarifReporter} with its
 *       {@link dev.lintgate.report.SarifReporter.Options} ({@code --sarif-category}, {@code --sarif-source-root},
 *       {@code --sarif-line-hash})</li>
 * </ul>
 *
 * What several formats share lives in one place each: {@link dev.lintgate.report.Tally} (counts and the English for
 * them), {@link dev.lintgate.report.RelativeUri} (paths as URIs), {@code JsonWriting} (deterministic JSON).
 */
package dev.lintgate.report;
