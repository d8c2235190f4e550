/**
 * The object of a finding as people read it. A finding on a pod that stands for a workload's
 * template is keyed `Pod ns/web[Deployment]` (the pod's id: the ignore annotation, the report
 * and the explorer find it under that key); it reads `Deployment ns/web`. Every other object
 * reads as it is keyed (`Pod ns/web-5d9-x2`, `NetworkPolicy ns/p`). A pod name holds no `[`,
 * so only a template's id has the `[Kind]` suffix.
 */
export function objectLabel(object: string): string {
  const template = /^Pod ([^/\s]+)\/([^[\s]+)\[(\w+)\]$/.exec(object);
  return template ? `${template[3]} ${template[1]}/${template[2]}` : object;
}
