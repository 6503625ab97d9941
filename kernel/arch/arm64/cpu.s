// AArch64 primitives the C# side imports by name ([RuntimeImport("*", "ks_...")]),
// called with the AAPCS64 convention (arguments in x0, x1; result in x0),
// plus the runtime symbols ilc's code expects the image to define.
	.text

	.global ks_disable_interrupts
ks_disable_interrupts:
	msr daifset, #2               // mask IRQ (DAIF.I)
	ret

	// Unmasks IRQ and FIQ. FIQ is the watchdog's ReportState signal only, which
	// must reach a CPU spinning with IRQs masked, so no kernel code masks it;
	// but taking any exception masks it, and a thread first run by a switch
	// inside a handler starts so: unmasking both here puts it right.
	.global ks_enable_interrupts
ks_enable_interrupts:
	msr daifclr, #3
	ret

	// bool ks_disable_interrupts_saving(void): was DAIF.I clear? Then mask IRQs.
	.global ks_disable_interrupts_saving
ks_disable_interrupts_saving:
	mrs x0, daif
	msr daifset, #2
	ubfx x0, x0, #7, #1           // DAIF.I is bit 7
	eor x0, x0, #1
	ret

	// Sleeps until an interrupt is pending, then takes it. WFI wakes on a
	// pending IRQ even while IRQs are masked, so masking first and unmasking
	// after leaves no window in which a wake-up could be missed.
	.global ks_wait_for_interrupt
ks_wait_for_interrupt:
	msr daifset, #2
	dsb sy                        // DSB: outstanding stores complete before the core sleeps
	wfi
	msr daifclr, #3
	ret

	.global ks_halt
ks_halt:                          // mask everything and sleep for good
	msr daifset, #0xF
	wfi
	b ks_halt

	.global ks_yield
ks_yield:                         // spin-wait hint
	yield
	ret

	.global ks_read_counter
ks_read_counter:                  // ulong ks_read_counter(void): CNTVCT_EL0
	isb                           // ISB: the read is not hoisted above earlier instructions
	mrs x0, cntvct_el0
	ret

	.global ks_read_counter_frequency
ks_read_counter_frequency:        // ulong: CNTFRQ_EL0, set by firmware (QEMU: 62.5 MHz)
	mrs x0, cntfrq_el0
	ret

	.global ks_virtual_timer_set
ks_virtual_timer_set:             // void ks_virtual_timer_set(ulong compare): fire when CNTVCT >= compare
	msr cntv_cval_el0, x0
	mov x0, #1                    // CNTV_CTL_EL0.ENABLE, interrupt not masked
	msr cntv_ctl_el0, x0
	isb                           // ISB: the new compare value is in effect before we go on
	ret

	.global ks_image_end
ks_image_end:                     // the first byte past the image and its .bss
	ldr x0, =__bss_end
	ret

	// ulong ks_smc_call / ks_hvc_call(ulong function, ulong a1, ulong a2, ulong a3):
	// a PSCI call (SMC Calling Convention: function id in w0, result in x0).
	.global ks_hvc_call
ks_hvc_call:
	hvc #0
	ret

	.global ks_smc_call
ks_smc_call:
	smc #0
	ret

	// void ks_dcache_clean_invalidate(nuint start, nuint bytes): write back and
	// invalidate the data cache lines covering a buffer another bus master
	// (the VideoCore mailbox) reads or writes behind the CPU's back.
	.global ks_dcache_clean_invalidate
ks_dcache_clean_invalidate:
	mrs x2, ctr_el0
	ubfx x2, x2, #16, #4          // CTR_EL0.DminLine: log2(words) of the smallest line
	mov x3, #4
	lsl x3, x3, x2                // line size in bytes
	add x1, x0, x1
	sub x4, x3, #1
	bic x0, x0, x4
1:	dc civac, x0
	add x0, x0, x3
	cmp x0, x1
	b.lo 1b
	dsb sy                        // DSB: the maintenance has completed before the device looks
	ret

	.global ks_data_barrier
ks_data_barrier:                  // DSB SY: device accesses before it complete before any after it
	dsb sy
	ret

// Write barriers: the kernel has no GC, so storing a reference is a plain
// store. ilc's arm64 helpers take the destination in x14 and the reference in
// x15 and leave x14 advanced by 8 (the runtime's contract for these names).
	.global RhpAssignRefArm64
RhpAssignRefArm64:
	str x15, [x14], #8
	ret

	.global RhpCheckedAssignRefArm64
RhpCheckedAssignRefArm64:
	str x15, [x14], #8
	ret

	.global RhpByRefAssignRefArm64
RhpByRefAssignRefArm64:           // *x14++ = *x13++ (both advance by 8); x15 is scratch
	ldr x15, [x13], #8
	str x15, [x14], #8
	ret

// ilc's --nativelib start-up stub brackets its work with these transitions into
// and out of managed code; with one thread of boot code there is nothing to do.
	.global RhpReversePInvoke
RhpReversePInvoke:
	ret

	.global RhpReversePInvokeReturn
RhpReversePInvokeReturn:
	ret

	.data
	.balign 8
	.global __security_cookie
__security_cookie:                // stack-protector canary read by ilc's prologs
	.quad 0x2B992DDFA232

// Deliberate CPU exceptions for `fault ud|pf|gp` (arm64 has no divide trap).
	.text
	.global ks_fault_undefined_instruction
ks_fault_undefined_instruction:   // EC 0x00: UDF is permanently undefined
	udf #0
	ret

	.global ks_fault_translation
ks_fault_translation:             // EC 0x25 data abort: 4 GiB is just past the boot identity map
	mov x0, #0x100000000
	ldr x0, [x0]
	ret

	.global ks_fault_upper_half
ks_fault_upper_half:              // EC 0x25 data abort at level 0: TCR_EL1.EPD1 leaves no upper half
	mov x0, #0x8000000000000000
	ldr x0, [x0]
	ret

// Multiprocessor support for Processors.ARM64.cs.
	.text
	.global ks_set_cpu_index
ks_set_cpu_index:                 // void ks_set_cpu_index(int index): TPIDR_EL1 holds it
	msr tpidr_el1, x0
	ret

	.global ks_cpu_index
ks_cpu_index:                     // int ks_cpu_index(void)
	mrs x0, tpidr_el1
	ret

	.global ks_core_number
ks_core_number:                   // ulong: MPIDR_EL1.Aff0, the core within its cluster
	mrs x0, mpidr_el1
	and x0, x0, #0xFF
	ret

	.global ks_hardware_id
ks_hardware_id:                   // ulong: this CPU's affinity (MPIDR_EL1 Aff3..Aff0), as PSCI and the DTB name it
	mrs x0, mpidr_el1
	ldr x1, =0xFF00FFFFFF
	and x0, x0, x1
	ret

	.global ks_send_event
ks_send_event:                    // wake cores waiting in WFE (the Pi's spin table)
	dsb sy                        // DSB: the release address is written before they look
	sev
	ret

	.global ks_secondary_boot_block
ks_secondary_boot_block:          // nuint: boot.s's secondary_boot (table, stack, index)
	ldr x0, =secondary_boot
	ret

	.global ks_secondary_entry_address
ks_secondary_entry_address:       // nuint: where a started CPU begins
	ldr x0, =ks_secondary_entry
	ret

	.global ks_tlb_invalidate_local
ks_tlb_invalidate_local:          // drop every translation this CPU caches
	dsb ishst
	tlbi vmalle1
	dsb nsh                       // DSB: the invalidation has completed
	isb
	ret
