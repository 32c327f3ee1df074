#!/usr/bin/env node
import { CommandLineError, runCommandLine, usageText } from './command-line';

// The executable behind `openai-micro-testing`: the one module that acts when
// loaded, which is why nothing else imports it.
runCommandLine(process.argv.slice(2)).then(
  async (session) => {
    await session?.stopped;
  },
  (error: unknown) => {
    process.stderr.write(`openai-micro-testing: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof CommandLineError) process.stderr.write(`\n${usageText()}`);
    process.exitCode = error instanceof CommandLineError ? 2 : 1;
  },
);
