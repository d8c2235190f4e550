import { describe, expect, it } from 'vitest';
import { formatFieldError, formatFieldPath, type FieldError } from '../../../src/load/validation/field-error.js';
import { validateIPBlock, type IPBlockInput } from '../../../src/load/validation/ip-block.js';

const NP = 'networking validation_test.go TestValidateNetworkPolicy';
const IPB = 'networking validation.go ValidateIPBlock';
const brief = (errs: FieldError[]) => errs.map((e) => [formatFieldPath(e.path), e.type, e.message]);
const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
const SUBSET = 'must be a strict subset of `cidr`';

describe('ValidateIPBlock (Kubernetes 1.32)', () => {
  it.each([
    { block: { cidr: '192.168.0.0/16', except: ['192.168.3.0/24', '192.168.4.0/24'] }, source: `${NP} setIngressFromIPBlockIPV4` },
    { block: { cidr: 'fd00:192:168::/48', except: ['fd00:192:168:3::/64', 'fd00:192:168:4::/64'] }, source: `${NP} setIngressFromIPBlockIPV6` },
    { block: { cidr: '0.0.0.0/0' }, source: IPB },
    { block: { cidr: '192.168.1.1/24' }, source: `${IPB} (host bits accepted: IsValidCIDR uses ParseCIDRSloppy)` },
    { block: { cidr: '010.0.0.0/8', except: ['10.1.0.0/16'] }, source: `${IPB} (leading zeros are decimal: 010 is 10)` },
    { block: { cidr: '10.0.0.0/8', except: ['10.0.0.1/24'] }, source: `${IPB} (except with host bits: its network 10.0.0.0 is inside)` },
    { block: { cidr: '10.0.0.0/8', except: ['10.0.0.0/9', '10.0.0.0/9'] }, source: `${IPB} (duplicate excepts are not refused)` },
    { block: { cidr: '10.0.0.0/8', except: ['::ffff:10.1.0.0/112'] }, source: `${IPB} (mixed family accepted: Go Contains maps the IPv6 address to IPv4, 8 < 112)` },
    { block: { cidr: '10.0.0.0/31', except: ['10.0.0.1/32'] }, source: IPB },
  ] as { block: IPBlockInput; source: string }[])('valid: $block ($source)', ({ block }) => {
    expect(validateIPBlock(block, ['ipBlock'])).toEqual([]);
  });

  it.each([
    { block: { cidr: '' }, errors: [['ipBlock.cidr', 'Required', '']], source: `${NP} "missing cidr field"` },
    { block: { cidr: '', except: ['nonsense'] }, errors: [['ipBlock.cidr', 'Required', '']], source: `${IPB} (returns before except)` },
    { block: { cidr: '192.168.5.6' }, errors: [['ipBlock.cidr', 'Invalid', CIDR_MSG]], source: `${NP} "invalid cidr format"` },
    { block: { cidr: 'fd00:192:168::' }, errors: [['ipBlock.cidr', 'Invalid', CIDR_MSG]], source: `${NP} "invalid ipv6 cidr format"` },
    { block: { cidr: 'x', except: ['y'] }, errors: [['ipBlock.cidr', 'Invalid', CIDR_MSG]], source: `${IPB} (bad cidr: except not checked)` },
    { block: { cidr: '192.168.0.0/16', except: [''] }, errors: [['ipBlock.except[0]', 'Invalid', CIDR_MSG]], source: `${NP} "except field is an empty string"` },
    { block: { cidr: '192.168.0.0/16', except: [' '] }, errors: [['ipBlock.except[0]', 'Invalid', CIDR_MSG]], source: `${NP} "except field is an space string"` },
    { block: { cidr: '192.168.0.0/16', except: ['300.300.300.300'] }, errors: [['ipBlock.except[0]', 'Invalid', CIDR_MSG]], source: `${NP} "except field is an invalid ip"` },
    { block: { cidr: '192.168.8.0/24', except: ['192.168.9.1/32'] }, errors: [['ipBlock.except[0]', 'Invalid', SUBSET]], source: `${NP} "except IP is outside of CIDR range"` },
    { block: { cidr: '192.168.0.0/24', except: ['192.168.0.0/24'] }, errors: [['ipBlock.except[0]', 'Invalid', SUBSET]], source: `${NP} "except IP is not strictly within CIDR range"` },
    { block: { cidr: 'fd00:192:168:1::/64', except: ['fd00:192:168:2::/64'] }, errors: [['ipBlock.except[0]', 'Invalid', SUBSET]], source: `${NP} "except IPv6 is outside of CIDR range"` },
    { block: { cidr: '192.168.0.0/24', except: ['192.168.0.0/16'] }, errors: [['ipBlock.except[0]', 'Invalid', SUBSET]], source: 'kubernetes PR #86578 (supernet except)' },
    { block: { cidr: '10.0.0.0/24', except: ['bad', '10.0.1.0/25', '10.0.0.0/25'] }, errors: [['ipBlock.except[0]', 'Invalid', CIDR_MSG], ['ipBlock.except[1]', 'Invalid', SUBSET]], source: `${IPB} (continues after a bad except)` },
    { block: { cidr: 'fd00::/8', except: ['10.0.0.0/8'] }, errors: [['ipBlock.except[0]', 'Invalid', SUBSET]], source: `${IPB} (IPv4 except of an IPv6 cidr)` },
    { block: { cidr: '::ffff:10.0.0.0/104', except: ['10.1.0.0/16'] }, errors: [['ipBlock.except[0]', 'Invalid', SUBSET]], source: `${IPB} (contained, but prefix 104 ≥ 16)` },
  ] as { block: IPBlockInput; errors: string[][]; source: string }[])('invalid: $errors ($source)', ({ block, errors }) => {
    expect(brief(validateIPBlock(block, ['ipBlock']))).toEqual(errors);
  });

  it('formats like the API server', () => {
    const [e] = validateIPBlock({ cidr: '192.168.5.6' }, ['spec', 'ingress', 0, 'from', 0, 'ipBlock']);
    expect(formatFieldError(e!)).toBe(`spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "192.168.5.6": ${CIDR_MSG}`);
  });
});
