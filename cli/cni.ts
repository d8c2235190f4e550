import { CNI_PROFILES, type CniProfile } from '../src/model/cni.js';
import { oneOf, str, type Parsed } from './args.js';

/** `--cni PROFILE`, for every command that answers (docs/cni-profiles.md). */


export function cniOption(p: Parsed): CniProfile {
  return oneOf<CniProfile>('cni', str(p, 'cni'), CNI_PROFILES, 'generic');
}
