use super::*;

#[test]
fn choices_cycle_through_every_value_and_wrap() {
    let mut seen = vec![Function::Executive];
    let mut f = Function::Executive.next();
    while f != Function::Executive {
        seen.push(f);
        f = f.next();
    }
    assert_eq!(seen, Function::ALL);
    assert_eq!(Function::Executive.prev(), Function::Other);
}

#[test]
fn raci_cell_cycles_through_blank() {
    let mut cell = None;
    let mut letters = String::new();
    for _ in 0..5 {
        cell = Raci::cycle(cell);
        letters.push(cell.map_or('-', Raci::letter));
    }
    assert_eq!(letters, "RACI-");
}

#[test]
fn partnership_type_parses_cli_words() {
    assert_eq!(
        PartnershipType::parse("system-integrator"),
        Some(PartnershipType::SystemIntegrator)
    );
    assert_eq!(
        PartnershipType::parse("OEM"),
        Some(PartnershipType::TechnologyOem)
    );
    assert_eq!(
        PartnershipType::parse("other:Joint venture"),
        Some(PartnershipType::Other("Joint venture".into()))
    );
    assert_eq!(PartnershipType::parse("banana"), None);
    assert_eq!(PartnershipType::parse("other:"), None);
}
