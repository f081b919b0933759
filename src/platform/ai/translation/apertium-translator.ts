import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ModelInfo } from '../ports.ts';
import { toIso6391 } from './languages.ts';
import { UnsupportedLanguagePairError, type Translation, type Translator } from './translator.ts';

const run = promisify(execFile);

/** Longest a translation may take; apertium does a comment in tens of milliseconds. */
const TIMEOUT_MS = 20_000;

/**
 * Apertium (GPL-2, Debian packages `apertium` + one data package per pair, e.g. `apertium-eng-spa`):
 * rule-based shallow-transfer translation, offline. The installed pairs are read from `apertium -l`
 * (modes such as "spa-eng"); without the program every pair is unsupported.
 */
export class ApertiumTranslator implements Translator {
  private modes?: Promise<Map<string, string>>;
  private readonly versions = new Map<string, Promise<string>>();

  constructor(private readonly binary = 'apertium') {}

  /** "es>en" -> mode name, for the plain pairs (variants such as "spa-eng_US" are skipped). */
  installedPairs(): Promise<Map<string, string>> {
    this.modes ??= run(this.binary, ['-l'], { timeout: TIMEOUT_MS })
      .then(
        ({ stdout }) =>
          new Map(
            stdout
              .split('\n')
              .map((line) => line.trim())
              .map((mode) => /^([a-z]{3})-([a-z]{3})$/.exec(mode))
              .filter((match): match is RegExpExecArray => match !== null)
              .flatMap(([mode, from, to]) => {
                const pair = [toIso6391(from!), toIso6391(to!)];
                return pair[0] && pair[1] ? [[`${pair[0]}>${pair[1]}`, mode!] as const] : [];
              }),
          ),
      )
      .catch(() => new Map());
    return this.modes;
  }

  async supports(from: string, to: string): Promise<boolean> {
    return (await this.installedPairs()).has(`${from}>${to}`);
  }

  async translate(text: string, from: string, to: string, signal?: AbortSignal): Promise<Translation> {
    const mode = (await this.installedPairs()).get(`${from}>${to}`);
    if (!mode) throw new UnsupportedLanguagePairError(from, to);
    // -u: no "*" marks on unknown words (they pass through as written); -f txt: plain text in and out.
    const output = await this.runOnFile(['-u', '-f', 'txt', mode], text, signal);
    // Apertium leaves a double space where it drops a word ("se escucha" -> "listens  very").
    return { text: output.trim().replace(/[ \t]{2,}/g, ' '), model: await this.modelInfo(mode) };
  }

  /** The model that would translate the pair, or undefined when no installed mode does. */
  async modelFor(from: string, to: string): Promise<ModelInfo | undefined> {
    const mode = (await this.installedPairs()).get(`${from}>${to}`);
    return mode ? this.modelInfo(mode) : undefined;
  }

  /** The pair's data package version (e.g. "0.8.1-2"), so stored translations say which data made them. */
  private async modelInfo(mode: string): Promise<ModelInfo> {
    this.versions.set(
      mode,
      this.versions.get(mode) ??
        run('dpkg-query', ['-S', `/usr/share/apertium/modes/${mode}.mode`], { timeout: TIMEOUT_MS })
          .then(({ stdout }) =>
            run('dpkg-query', ['-W', '-f=${Version}', stdout.split(':')[0]!.trim()], { timeout: TIMEOUT_MS }),
          )
          .then(({ stdout }) => stdout.trim() || 'unknown')
          .catch(() => 'unknown'),
    );
    return { provider: 'local', name: `apertium/${mode}`, version: await this.versions.get(mode)! };
  }

  /**
   * Runs apertium on a temporary file: its script reads /dev/stdin, which cannot be opened when stdin is
   * the socket Node's child_process gives a child.
   */
  private async runOnFile(args: string[], input: string, signal?: AbortSignal): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'streamhub-apertium-'));
    try {
      const file = join(folder, 'input.txt');
      await writeFile(file, input);
      const { stdout } = await run(this.binary, [...args, file], {
        signal,
        timeout: TIMEOUT_MS,
        maxBuffer: 4 * 1024 * 1024,
      });
      return stdout;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }
}
