// The company card: HubSpot renders only its own React components in a card, so the card opens the
// dealreg panel in HubSpot's iframe modal. The modal loads the partner's bridge page
// (../../../bridge/), which frames the vendor's panel with dealreg/embed and gives it the token.
//
// A HubSpot iframe modal cannot hand data to the page it shows, and the bridge page has no HubSpot
// session: so the card first asks the partner's backend, through hubspot.fetch (a request HubSpot
// signs with the portal and user), for a single-use launch code bound to this company and user.
// The bridge page trades that code for a session with a POST and removes it from its address at once.
import React, { useState } from 'react';
import { Button, Flex, Text, hubspot } from '@hubspot/ui-extensions';

const BRIDGE = 'https://crm-bridge.partner.example';

hubspot.extend(({ context, actions }) => <DealRegCard context={context} actions={actions} />);

function DealRegCard({ context, actions }) {
  const [failed, setFailed] = useState(false);
  const companyId = String(context.crm.objectId);

  async function open() {
    setFailed(false);
    try {
      const response = await hubspot.fetch(`${BRIDGE}/hubspot/launch`, { method: 'POST', body: { companyId } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { launchCode } = await response.json();
      const uri = new URL('/hubspot/dealreg.html', BRIDGE);
      uri.searchParams.set('company', companyId);
      uri.searchParams.set('locale', context.user.locale ?? 'en');
      uri.hash = `launch=${encodeURIComponent(launchCode)}`;
      actions.openIframeModal({ uri: uri.href, title: 'Opportunity protection', width: 1000, height: 800, flush: true });
    } catch {
      setFailed(true);
    }
  }

  return (
    <Flex direction="column" gap="small">
      <Text>Registration status, eligibility and the restricted quote for this company.</Text>
      <Button variant="primary" onClick={open}>
        Open opportunity protection
      </Button>
      {failed && <Text variant="microcopy">The panel could not be opened. Try again in a moment.</Text>}
    </Flex>
  );
}
