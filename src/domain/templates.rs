//! Starting roles for the role split, one list per partnership type. They are a prompt
//! for the room, not a prescription: every role can be renamed, removed or added to.

use super::session::Role;
use super::types::{ItemId, PartnershipType};

/// Roles that every kind of partnership has to settle.
const COMMON: &[&str] = &[
    "Joint account planning",
    "Executive sponsorship",
    "Pricing and commercial terms",
];

fn specific(kind: &PartnershipType) -> &'static [&'static str] {
    match kind {
        PartnershipType::ChannelReseller => &[
            "Lead generation",
            "Deal registration",
            "Sales to end customers",
            "Pre-sales technical support",
            "First-line customer support",
            "Partner enablement and training",
        ],
        PartnershipType::SystemIntegrator => &[
            "Solution architecture",
            "Implementation and integration",
            "Project management",
            "Product roadmap input",
            "Customer success after go-live",
            "Escalation to product engineering",
        ],
        PartnershipType::ServiceProvider => &[
            "Service design",
            "Service delivery",
            "Service level management",
            "Billing the end customer",
            "Incident handling",
        ],
        PartnershipType::AllianceMember => &[
            "Joint go-to-market plan",
            "Co-marketing campaigns",
            "Joint solution development",
            "Field sales alignment",
            "Alliance governance",
        ],
        PartnershipType::TechnologyOem => &[
            "Component engineering",
            "Embedding and integration",
            "Branding of the combined product",
            "Licensing and royalties",
            "Release coordination",
            "Support escalation path",
        ],
        PartnershipType::RdConsortium => &[
            "Research agenda",
            "Background IP declaration",
            "Ownership of results",
            "Funding and reporting",
            "Publication approval",
            "Exploitation of results",
        ],
        PartnershipType::Other(_) => &["Go-to-market", "Delivery", "Customer support"],
    }
}

/// The template roles for `kind`, numbered from `first_id`.
pub fn template_roles(kind: &PartnershipType, first_id: u32) -> Vec<Role> {
    specific(kind)
        .iter()
        .chain(COMMON)
        .zip(first_id..)
        .map(|(name, id)| Role {
            id: ItemId(id),
            name: (*name).to_string(),
            raci: Default::default(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
