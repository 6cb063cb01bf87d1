// The `lab` command: train, evaluate, predict, gradients, inspect and benchmark from a shell.
// Exit codes: 0 success, 2 usage error, 1 bad data or model.

import { Command, CommanderError, Option } from 'commander';
import { builtinDatasetNames } from '../../core/data/synthetic/index';
import { CliError } from './cliError';
import { benchCommand } from './commands/bench';
import { evalCommand } from './commands/evaluate';
import { gradCommand } from './commands/grad';
import { inspectCommand } from './commands/inspect';
import { predictCommand } from './commands/predict';
import { trainCommand } from './commands/train';
import { gridCommand } from './commands/grid';
import { exportCommand, metricsCommand, runsCommand } from './commands/runs';
import { GRID_KEYS } from '../../core/train/gridAxes';

const dataHelp = `a dataset file, or builtin:NAME[?T=..&n=..] (${Object.keys(builtinDatasetNames).join(', ')})`;

/** The flags that configure a network and its training, shared by train and grid. */
function addTrainFlags(command: Command): Command {
  return command
    .option('--layers <D>', 'stacked recurrent layers (default 1)')
    .option('--hidden <L>', 'hidden units per layer (default 64)')
    .addOption(new Option('--cell <cell>', 'recurrent cell (default elman)').choices(['elman', 'highway']))
    .addOption(new Option('--activation <f>', 'activation (default tanh)').choices(['tanh', 'relu']))
    .option('--residual', 'skip connections across depth (layers 2 and up)')
    .addOption(
      new Option('--optimizer <name>', 'optimizer (default adam)').choices([
        'sgd',
        'momentum',
        'adagrad',
        'rmsprop',
        'adam',
      ]),
    )
    .option('--lr <x>', 'learning rate (default 3e-3 for adam)')
    .option(
      '--batch <B>',
      'mini-batch size: 1 is stochastic, the training set size is full-batch (default 32)',
    )
    .option('--epochs <E>', 'epochs (default 100)')
    .option('--clip-norm <x>', 'clip the global gradient norm at x, or none (default 1)')
    .option('--clip-value <x>', 'clamp every gradient element to [-x, x], or none (default none)')
    .option('--l2 <x>', 'L2 penalty lambda (default 0)')
    .addOption(
      new Option('--init <name>', 'initialization (default orthogonal; identity with relu)').choices([
        'uniform',
        'xavier',
        'orthogonal',
        'identity',
      ]),
    )
    .option('--gate-bias <x>', 'initial highway gate bias (default -2)')
    .option('--seed <s>', 'random seed (default 1)')
    .option('--val-split <f>', 'fraction held out for validation, stratified (default 0.2)')
    .option(
      '--patience <p>',
      'stop after p epochs without a better validation accuracy, or none (default 20)',
    )
    .option('--no-normalize', 'do not z-score the features');
}

function program(): Command {
  const lab = new Command('lab')
    .description('RNN Lab on the command line: train and inspect recurrent sequence classifiers')
    .exitOverride()
    .showHelpAfterError();

  addTrainFlags(
    lab
      .command('train')
      .description('train one network and report its final figures')
      .requiredOption('--data <source>', dataHelp)
      .option(
        '--test <file>',
        'a held-out test set (default: NAME_TEST beside a NAME_TRAIN file; builtin data brings its own)',
      )
      .option(
        '--missing <policy>',
        'missing values: refuse, forward (carry the last value) or zero (default refuse)',
      )
      .option(
        '--format <format>',
        'read the files as ts, arff, ucr, long-csv or json (default: from the name and content)',
      ),
  )
    .option('--out <file>', 'write the best-validation model as JSON')
    .option(
      '--threads <n>',
      'split each batch across n threads (WebAssembly kernels; without --db; default 1)',
    )
    .option(
      '--db <file>',
      'record the run in this lab database (created if new), training in a trainer process',
    )
    .option('--json', 'print one JSON document')
    .action(trainCommand);

  lab
    .command('eval')
    .description("a model's loss, accuracy and confusion matrix on a dataset")
    .requiredOption('--model <file>', 'model JSON')
    .requiredOption('--data <source>', dataHelp)
    .option('--missing <policy>', 'missing values: refuse, forward or zero (default refuse)')
    .option('--json', 'print one JSON document')
    .action(evalCommand);

  lab
    .command('predict')
    .description('the class and class probabilities of every sequence')
    .requiredOption('--model <file>', 'model JSON')
    .requiredOption('--data <source>', dataHelp)
    .option('--missing <policy>', 'missing values: refuse, forward or zero (default refuse)')
    .option('--json', 'print one JSON document')
    .action(predictCommand);

  lab
    .command('grad')
    .description('in float64: the loss, the logits and the gradient of the mean loss for every parameter')
    .requiredOption('--model <file>', 'model JSON')
    .requiredOption('--data <source>', dataHelp)
    .option('--missing <policy>', 'missing values: refuse, forward or zero (default refuse)')
    .option('--json', 'print one JSON document')
    .action(gradCommand);

  lab
    .command('inspect')
    .description("a dataset's shape: sequences, features, classes, lengths")
    .requiredOption('--data <source>', dataHelp)
    .option('--test <file>', 'a test set to inspect with it (default: NAME_TEST beside a NAME_TRAIN file)')
    .option(
      '--missing <policy>',
      'missing values: refuse, forward (carry the last value) or zero (default refuse)',
    )
    .option(
      '--format <format>',
      'read the files as ts, arff, ucr, long-csv or json (default: from the name and content)',
    )
    .option('--json', 'print one JSON document')
    .action(inspectCommand);

  lab
    .command('bench')
    .description('training throughput on the reference configurations')
    .option('--only <names>', 'comma-separated configurations (jv, jv2, long, long2, wide, tiny, vanish)')
    .option('--seconds <s>', 'minimum time of a timed window (default 2)')
    .option('--repeat <n>', 'timed windows per configuration; the fastest counts (default 3)')
    .option('--kernels <k>', 'auto, wasm (WebAssembly SIMD) or plain (TypeScript) (default auto)')
    .option('--threads <n>', 'split each batch across n threads (wasm kernels; default 1)')
    .option('--no-scaling', 'skip the scaling table (also skipped with --only)')
    .option('--no-memory', 'skip the peak-memory table (also skipped with --only)')
    .option('--json', 'print one JSON document')
    .action(benchCommand);

  addTrainFlags(
    lab
      .command('grid')
      .description(
        'a comparison grid: one recorded run per combination of the --vary axes, with the same seed and split',
      )
      .requiredOption('--db <file>', 'the lab database (created if new)')
      .requiredOption('--data <source>', dataHelp)
      .option('--test <file>', 'a held-out test set (default: NAME_TEST beside a NAME_TRAIN file)')
      .option('--missing <policy>', 'missing values: refuse, forward or zero (default refuse)')
      .option(
        '--vary <axis>',
        `KEY=V1,V2,... (repeatable); KEY is a train flag: ${GRID_KEYS.join(', ')}`,
        (value: string, previous: string[]) => [...previous, value],
        [] as string[],
      ),
  )
    .option('--name <text>', 'the experiment name (default: the axes)')
    .option('--pool <n>', 'trainer processes at once (default: cores - 1)')
    .option('--json', 'print one JSON document')
    .action(gridCommand);

  lab
    .command('runs')
    .description('the runs in a lab database, with their status and summary')
    .requiredOption('--db <file>', 'the lab database')
    .option('--status <list>', 'only these statuses (comma-separated)')
    .option('--experiment <id>', 'only the runs of this experiment')
    .option('--json', 'print one JSON document')
    .action(runsCommand);

  lab
    .command('export')
    .description("write a recorded run's model as JSON")
    .requiredOption('--db <file>', 'the lab database')
    .requiredOption('--run <id>', 'the run')
    .requiredOption('--out <file>', 'the model file to write')
    .option('--kind <kind>', 'best (the best-validation weights, default) or final')
    .action(exportCommand);

  lab
    .command('metrics')
    .description("a recorded run's metrics: a summary, or every value as CSV or JSON")
    .requiredOption('--db <file>', 'the lab database')
    .requiredOption('--run <ids>', 'one run id, or several separated by commas')
    .option('--csv', 'every recorded value, long form: run_id,metric,step,epoch,wall,value')
    .option('--json', 'every recorded value as one JSON document')
    .action(metricsCommand);

  return lab;
}

async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code);
      return ok ? 0 : 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`lab: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `lab: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
