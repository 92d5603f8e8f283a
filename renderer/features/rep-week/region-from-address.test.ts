import { describe, expect, it } from 'vitest';
import { regionFromAddress } from './region-from-address';

// The rep's holiday region comes from the start address through the real offline place table.
describe('regionFromAddress', () => {
  it('reads the state of a German, Austrian and Swiss address as date-holidays spells it', async () => {
    expect(await regionFromAddress({ country: '', postalCode: '80331', city: 'München' })).toEqual({ country: 'DE', state: 'BY' });
    expect(await regionFromAddress({ country: 'Deutschland', postalCode: '01067', city: 'dresden' })).toEqual({ country: 'DE', state: 'SN' });
    expect(await regionFromAddress({ country: 'AT', postalCode: '1010', city: 'Wien' })).toEqual({ country: 'AT', state: '9' });
    expect(await regionFromAddress({ country: 'CH', postalCode: '8001', city: 'Zürich' })).toEqual({ country: 'CH', state: 'ZH' });
  });

  it('suggests nothing for an empty or unknown address', async () => {
    expect(await regionFromAddress({ country: 'DE', postalCode: '', city: '' })).toBeUndefined();
    expect(await regionFromAddress({ country: 'DE', postalCode: '', city: 'Nirgendwohausen' })).toBeUndefined();
  });
});
