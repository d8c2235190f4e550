/**
 * Benchmark inputs written to files as `kubectl get … -o json` prints them (a kind: List): the
 * sparse generator (bench/generate.ts, one policy per ten pods, seed 1) or the dense one
 * (bench/generate-dense.ts, seed 1), with a `can` question whose names exist in it.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { denseNamespace, denseWorkload, generateDenseObjects, type OwnerMode } from './generate-dense.js';
import { generateObjects, snapshotText } from './generate.js';

export type GeneratorName = 'sparse' | 'dense';
export const GENERATORS: readonly GeneratorName[] = ['sparse', 'dense'];

export interface Input {
  file: string;
  generator: GeneratorName;
  pods: number;
  owners: OwnerMode;
  megabytes: number;
  /** Distinct pod owners (Deployments, ReplicaSets without one, bare pods): the matrix's workload level. */
  workloads: number;
  policies: number;
  /** A `can` question (arguments after `can`) whose names exist in this input. */
  question: string[];
}

interface Meta {
  kind?: string;
  metadata?: { name?: string; namespace?: string; ownerReferences?: { name: string }[] };
}

export function inputLabel(i: Pick<Input, 'generator' | 'owners'>): string {
  return i.generator === 'sparse' ? 'sparse' : i.owners === 'none' ? 'dense, bare pods' : i.owners === 'mixed' ? 'dense, mixed' : 'dense, with owners';
}

/** Generates and writes one input into `dir`; the objects are dropped before returning. */
export function writeInput(dir: string, generator: GeneratorName, pods: number, owners: OwnerMode = 'deployments'): Input {
  const objects = (generator === 'sparse' ? generateObjects({ pods, policies: Math.round(pods / 10), seed: 1 }) : generateDenseObjects({ pods, owners, seed: 1 })) as Meta[];
  const file = join(dir, `${generator}-${generator === 'dense' ? `${owners}-` : ''}${pods}.json`);
  writeFileSync(file, snapshotText(objects, 'json'));
  const owner = new Set<string>();
  let policies = 0;
  for (const o of objects) {
    if (o.kind === 'NetworkPolicy') policies++;
    if (o.kind === 'Pod') owner.add(`${o.metadata?.namespace}/${o.metadata?.ownerReferences?.[0]?.name ?? o.metadata?.name}`);
  }
  const question =
    generator === 'sparse'
      ? ['api-0', 'reach', 'web-0:8080', '-n', 'payments-prod-0']
      : [`${denseNamespace(1)}/${denseWorkload('web-0', owners)}`, 'reach', `${denseNamespace(0)}/${denseWorkload('api-0', owners)}:http`];
  return { file, generator, pods, owners, megabytes: Math.round(statSync(file).size / 1e5) / 10, workloads: owner.size, policies, question };
}
