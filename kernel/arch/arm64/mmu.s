// AArch64 translation-table maintenance for Paging.ARM64.cs.
	.text

	.global ks_read_ttbr0
ks_read_ttbr0:                    // nuint: the level 1 table in use
	mrs x0, ttbr0_el1
	ret

	// void ks_switch_ttbr0(nuint l1): switch to new tables mapping the same
	// addresses the same way (only block sizes differ), then drop every cached
	// translation so no 2 MiB block entry outlives its replacement.
	.global ks_switch_ttbr0
ks_switch_ttbr0:
	dsb ishst                     // DSB: the new tables are written before the walker may see them
	msr ttbr0_el1, x0
	isb                           // ISB: later walks use the new root
	tlbi vmalle1is
	dsb ish                       // DSB: the invalidation has completed on every core
	isb
	ret

	// void ks_page_entry_changed(nuint address): a level 3 entry for address
	// was just written (mapped or unmapped).
	.global ks_page_entry_changed
ks_page_entry_changed:
	dsb ishst                     // DSB: the entry store is visible to table walks
	lsr x0, x0, #12
	tlbi vaae1is, x0              // drop the old translation of that page, any ASID, every core
	dsb ish                       // DSB: the invalidation has completed
	isb                           // ISB: the next instruction sees the new mapping
	ret

	// bool ks_is_normal_memory(nuint address): does address translate (for a
	// read at EL1) to Normal memory? The fault report reads only such memory:
	// an unmapped address would fault again, a device register could change
	// state when read.
	.global ks_is_normal_memory
ks_is_normal_memory:
	at s1e1r, x0
	isb                           // ISB: PAR_EL1 holds this translation's result
	mrs x1, par_el1
	mov x0, #0
	tbnz x1, #0, 1f               // PAR_EL1.F: the translation failed
	lsr x1, x1, #56               // PAR_EL1.ATTR: the MAIR encoding of the memory type
	cmp x1, #0xFF
	cset x0, eq
1:	ret

	// bool ks_is_mapped(nuint address): does a read at EL1 from address translate?
	.global ks_is_mapped
ks_is_mapped:
	at s1e1r, x0
	isb                           // ISB: PAR_EL1 holds this translation's result
	mrs x1, par_el1
	mvn x1, x1
	and x0, x1, #1                // !PAR_EL1.F
	ret
