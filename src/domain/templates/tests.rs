use super::*;

#[test]
fn each_type_gets_its_own_roles_plus_the_common_ones() {
    let oem = template_roles(&PartnershipType::TechnologyOem, 1);
    let consortium = template_roles(&PartnershipType::RdConsortium, 1);
    assert!(oem.iter().any(|r| r.name == "Licensing and royalties"));
    assert!(
        consortium
            .iter()
            .any(|r| r.name == "Background IP declaration")
    );
    assert!(oem.iter().any(|r| r.name == "Executive sponsorship"));
    let ids: Vec<u32> = oem.iter().map(|r| r.id.0).collect();
    assert_eq!(ids, (1..=oem.len() as u32).collect::<Vec<_>>());
}
