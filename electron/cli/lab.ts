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

const dataHelp = `a dataset file, or builtin:NAME[?T=..&n=..] (${Object.keys(builtinDatasetNames).join(', ')})`;

function program(): Command {
  const lab = new Command('lab')
    .description('RNN Lab on the command line: train and inspect recurrent sequence classifiers')
    .exitOverride()
    .showHelpAfterError();

  lab
    .command('train')
    .description('train one network and report its final figures')
    .requiredOption('--data <source>', dataHelp)
    .option('--test <file>', 'a held-out test set (builtin data brings its own)')
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
    .option('--no-normalize', 'do not z-score the features')
    .option('--out <file>', 'write the best-validation model as JSON')
    .option('--json', 'print one JSON document')
    .action(trainCommand);

  lab
    .command('eval')
    .description("a model's loss, accuracy and confusion matrix on a dataset")
    .requiredOption('--model <file>', 'model JSON')
    .requiredOption('--data <source>', dataHelp)
    .option('--json', 'print one JSON document')
    .action(evalCommand);

  lab
    .command('predict')
    .description('the class and class probabilities of every sequence')
    .requiredOption('--model <file>', 'model JSON')
    .requiredOption('--data <source>', dataHelp)
    .option('--json', 'print one JSON document')
    .action(predictCommand);

  lab
    .command('grad')
    .description('in float64: the loss, the logits and the gradient of the mean loss for every parameter')
    .requiredOption('--model <file>', 'model JSON')
    .requiredOption('--data <source>', dataHelp)
    .option('--json', 'print one JSON document')
    .action(gradCommand);

  lab
    .command('inspect')
    .description("a dataset's shape: sequences, features, classes, lengths")
    .requiredOption('--data <source>', dataHelp)
    .option('--test <file>', 'a test set to inspect with it')
    .option('--json', 'print one JSON document')
    .action(inspectCommand);

  lab
    .command('bench')
    .description('training throughput on the reference configurations')
    .option('--only <names>', 'comma-separated configurations (jv, jv2, long, long2, wide, tiny)')
    .option('--seconds <s>', 'time per configuration (default 2)')
    .option('--json', 'print one JSON document')
    .action(benchCommand);

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
