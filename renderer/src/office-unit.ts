import type { UnitSelection } from './components/UnitPicker.js';
import { useQuery } from './hooks.js';

/** A gazetteer code as the picker's selection: `120101` → province 12, district 1201, commune 120101. */
export function unitSelectionOf(code: string): UnitSelection {
  return {
    province: code.length >= 2 ? code.slice(0, 2) : '',
    district: code.length >= 4 ? code.slice(0, 4) : '',
    commune: code.length >= 6 ? code.slice(0, 6) : '',
  };
}

/** The office's own area, the default for new addresses and commune choices; null until known. */
export function useOfficeUnit(): UnitSelection | null {
  const office = useQuery('office.get', {});
  return office.data?.unitCode ? unitSelectionOf(office.data.unitCode) : null;
}
