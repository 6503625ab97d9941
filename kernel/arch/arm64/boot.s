// AArch64 boot stub. The loader enters _start on every CPU it starts, with the
// MMU and caches off, at EL3, EL2 or EL1 depending on the board:
//   - QEMU virt with -kernel: EL1 (EL2 with virtualization=on), only CPU 0
//     running (the others wait powered off for PSCI CPU_ON), x0 = 0 for an
//     ELF (the DTB then sits at the start of RAM) or the DTB's address;
//   - Raspberry Pi firmware / QEMU raspi3b: EL2 (EL3 without an armstub), the
//     other cores parked on the spin table at 0xd8 by the firmware's stub.
// We park any CPU but 0, drop to EL1, zero .bss (a raw kernel8.img does not
// hold it), enable FP/SIMD (ilc emits SIMD for plain struct copies, so this
// must precede any C#), build an identity map of the low 4 GiB with 2 MiB
// blocks (board.inc says which ranges are RAM and which are devices), turn the
// MMU and caches on (exclusive loads/stores and unaligned accesses need it)
// and call kmain(x0 at entry, __modules start, __modules end).
// A further CPU, started by Processors.ARM64.cs (PSCI CPU_ON on virt, the spin
// table on a Pi), enters ks_secondary_entry with the MMU off: the same drop to
// EL1 and FP/SIMD enable, then the kernel's current tables, stack and CPU index
// from secondary_boot (written and cleaned to memory by the starting CPU), and
// ks_secondary_main(index).
	.include "board.inc"

	// MAIR_EL1 attribute indices used by the block descriptors below.
	.set ATTR_DEVICE, 0          // Attr0 = 0x00: Device-nGnRnE
	.set ATTR_NORMAL, 1          // Attr1 = 0xFF: Normal, write-back read/write-allocate
	.set MAIR_VALUE, 0xFF00
	// Block descriptor: bits[1:0] = 01, AttrIndx at [4:2], SH at [9:8],
	// AF (access flag) at 10, PXN at 53, UXN at 54.
	.set BLOCK_NORMAL, 0x1 | (ATTR_NORMAL << 2) | (3 << 8) | (1 << 10)
	.set BLOCK_DEVICE, 0x1 | (ATTR_DEVICE << 2) | (1 << 10) | (3 << 53)
	.set TABLE, 0x3
	.set BLOCK_SHIFT, 21         // 2 MiB blocks in the level 2 tables
	.set L2_TABLES, 4            // level 1 entries 0-3 (4 GiB) point to them


	// Continues at EL1h with DAIF masked, from whichever of EL3, EL2, EL1 the
	// CPU is in; then a known SCTLR_EL1 and FP/SIMD enabled. Uses x9.
	.macro DROP_TO_EL1
	mrs x9, CurrentEL
	lsr x9, x9, #2
	cmp x9, #3
	b.eq 1f
	cmp x9, #2
	b.eq 2f
	b 3f
1:	// SCR_EL3: NS (EL2/EL1 non-secure), RES1 bits 4-5, SMD (no smc), HCE (hvc
	// allowed), RW (EL2 is AArch64). Continue at EL2h with DAIF masked.
	mov x9, #0x5B1
	msr scr_el3, x9
	mov x9, #0x3C9
	msr spsr_el3, x9
	adr x9, 2f
	msr elr_el3, x9
	eret
2:	mov x9, #(1 << 31)           // HCR_EL2.RW: EL1 is AArch64; nothing trapped
	msr hcr_el2, x9
	mrs x9, cnthctl_el2
	orr x9, x9, #3               // EL1PCTEN | EL1PCEN: EL1 may use the counter and timers
	msr cnthctl_el2, x9
	msr cntvoff_el2, xzr         // virtual count = physical count
	mov x9, #0x33FF              // CPTR_EL2: RES1 bits only, FP/SIMD not trapped
	msr cptr_el2, x9
	msr hstr_el2, xzr
	mrs x9, midr_el1
	msr vpidr_el2, x9
	mrs x9, mpidr_el1
	msr vmpidr_el2, x9
	mov x9, #0x3C5               // EL1h, DAIF masked
	msr spsr_el2, x9
	adr x9, 3f
	msr elr_el2, x9
	eret
3:	ldr x9, =0x30D00800          // SCTLR_EL1: RES1 bits; MMU, caches, alignment checks off
	msr sctlr_el1, x9
	isb                          // ISB: run on with that SCTLR
	mov x9, #(3 << 20)           // CPACR_EL1.FPEN = 0b11: FP/SIMD not trapped at EL1
	msr cpacr_el1, x9
	isb                          // ISB: the FPEN change must be seen by the next instruction
	.endm

	.section .boot, "ax"
	.global _start
_start:
	mrs x9, mpidr_el1
	and x9, x9, #0xFF            // Aff0: the core number on every board we boot
	cbnz x9, park
	mov x19, x0                  // keep the loader's x0 (DTB address or 0)

	DROP_TO_EL1
	ldr x9, =boot_stack_top
	mov sp, x9
	msr tpidr_el1, xzr           // this is CPU index 0 (Processors.CurrentIndex)

	// Zero .bss: 16-byte stores (with the MMU off memory is Device: no dc zva,
	// no unaligned access). linker.ld aligns both ends to 16.
	ldr x9, =__bss_start
	ldr x10, =__bss_end
1:	cmp x9, x10
	b.hs 2f
	stp xzr, xzr, [x9], #16
	b 1b
2:
	bl build_identity_map
	ldr x0, =l1_table
	bl enable_mmu

	mov x0, x19
	ldr x1, =__modules_start
	ldr x2, =__modules_end
	bl kmain
3:	msr daifset, #0xF
	wfi
	b 3b

park:
	wfe
	b park

	.global ks_secondary_entry
ks_secondary_entry:
	DROP_TO_EL1
	ldr x10, =secondary_boot
	ldr x9, [x10, #8]
	mov sp, x9
	ldr x19, [x10, #16]
	msr tpidr_el1, x19           // Processors.CurrentIndex from the first instruction on
	ldr x0, [x10, #0]
	bl enable_mmu
	mov x0, x19
	bl ks_secondary_main
4:	msr daifset, #0xF
	wfi
	b 4b

// Level 1 table: entries 0-3 -> four level 2 tables (4 GiB), the rest invalid.
// Level 2 entry i maps the 2 MiB at i << 21: Device (execute-never) inside
// [DEVICE_START, DEVICE_END), Normal inside [RAM_START, RAM_END), else invalid.
build_identity_map:
	ldr x0, =l1_table
	ldr x1, =l2_tables
	mov x2, #0
1:	add x3, x1, x2, lsl #12
	orr x3, x3, #TABLE
	str x3, [x0, x2, lsl #3]
	add x2, x2, #1
	cmp x2, #L2_TABLES
	b.ne 1b

	ldr x4, =DEVICE_START
	ldr x5, =DEVICE_END
	ldr x6, =RAM_START
	ldr x7, =RAM_END
	ldr x8, =BLOCK_DEVICE
	ldr x9, =BLOCK_NORMAL
	mov x2, #0                   // block index
2:	lsl x3, x2, #BLOCK_SHIFT     // its address
	mov x10, #0                  // invalid unless a range below claims it
	cmp x3, x4
	b.lo 3f
	cmp x3, x5
	b.hs 3f
	orr x10, x3, x8
	b 4f
3:	cmp x3, x6
	b.lo 4f
	cmp x3, x7
	b.hs 4f
	orr x10, x3, x9
4:	str x10, [x1, x2, lsl #3]
	add x2, x2, #1
	cmp x2, #(L2_TABLES * 512)
	b.ne 2b
	ret

// x0: the level 1 table to walk from.
enable_mmu:
	ldr x9, =MAIR_VALUE
	msr mair_el1, x9
	// TCR_EL1: T0SZ = 25 (39-bit addresses, walks start at level 1), walks
	// write-back cacheable and inner shareable, 4 KiB granule, EPD1 (no TTBR1
	// walks: upper-half addresses fault), IPS = the CPU's physical range.
	mrs x10, id_aa64mmfr0_el1
	and x10, x10, #0x7
	ldr x9, =(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23))
	orr x9, x9, x10, lsl #32
	msr tcr_el1, x9
	msr ttbr0_el1, x0
	dsb ish                      // DSB: the table stores are complete before the walker reads them
	isb                          // ISB: MAIR/TCR/TTBR0 are in effect before the MMU is on
	tlbi vmalle1                 // nothing a loader left in the TLB may survive
	dsb nsh                      // DSB: the invalidation has completed
	isb
	mrs x9, sctlr_el1
	mov x10, #((1 << 0) | (1 << 2) | (1 << 12))   // M (MMU), C (data cache), I (instruction cache)
	orr x9, x9, x10
	msr sctlr_el1, x9
	isb                          // ISB: fetch what follows with the MMU on
	ret

	// The start parameters of the CPU being started: level 1 table, stack top,
	// CPU index. One CPU starts at a time (SecondaryCpus waits for each).
	.data
	.balign 64
	.global secondary_boot
secondary_boot:
	.quad 0, 0, 0

	.section .bss
	.balign 4096
l1_table:
	.skip 4096
l2_tables:
	.skip 4096 * L2_TABLES
	.balign 16
boot_stack:
	.skip 64 * 1024
boot_stack_top:
