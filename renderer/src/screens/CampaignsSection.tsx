import type { SectionProps } from '../sections.js';
import { CampaignForm } from './CampaignForm.js';
import { CampaignPage } from './CampaignPage.js';
import { CampaignsList } from './CampaignsList.js';
import { DeclarationForm } from './DeclarationForm.js';
import { InspectionPage } from './InspectionPage.js';
import { InspectionsList } from './InspectionsList.js';

/** `#/campaigns`, `#/campaigns/new`, `#/campaigns/inspections`, `#/campaigns/ID`, `#/campaigns/ID/declare/TARGET`, `#/campaigns/inspections/ID`. */
export function CampaignsSection({ path }: SectionProps) {
  const [first, second, third] = path;
  if (first === 'new') return <CampaignForm />;
  if (first === 'inspections') return second ? <InspectionPage id={second} /> : <InspectionsList />;
  if (first && second === 'declare' && third) return <DeclarationForm campaignId={first} targetId={third} />;
  if (first) return <CampaignPage id={first} />;
  return <CampaignsList />;
}
